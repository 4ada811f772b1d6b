using System.Text.Json.Nodes;

namespace ClipHost.Engine.Experiments;

/// <summary>One swept config field: its path (e.g. data.filters[0].options.topPercent), the values, and each value's label in run names.</summary>
public sealed record SweepAxis(string Path, IReadOnlyList<JsonNode?> Values, IReadOnlyList<string> Labels)
{
    /// <summary>The last name in the path, used in run names ("topPercent").</summary>
    public string Leaf => Path.Split('.')[^1].Split('[')[0];
}
