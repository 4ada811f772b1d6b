using System.Text.Json.Nodes;

namespace ClipHost.Engine.Studies;

/// <summary>One value of an axis: its label in cell names, and the config paths it sets (one for a path axis, several for a named one).</summary>
public sealed record StudyLevel(string Label, IReadOnlyList<KeyValuePair<string, JsonNode?>> Sets);
