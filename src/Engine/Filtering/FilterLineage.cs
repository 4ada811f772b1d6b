using System.Text.Json.Serialization;

namespace ClipHost.Engine.Filtering;

/// <summary>What one filter of a pipeline was and did.</summary>
/// <param name="Id">The filter's id.</param>
/// <param name="Version">The filter component's version.</param>
/// <param name="Plugin">The plugin that provided it, "Name Version".</param>
/// <param name="Options">Its options as given.</param>
/// <param name="In">Candidates it saw.</param>
/// <param name="Kept">Candidates it kept.</param>
/// <param name="Dropped">Candidates it dropped.</param>
public sealed record FilterLineage(string Id, string Version, string Plugin, JsonElement? Options, int In, int Kept, int Dropped)
{
    /// <summary>On a store with planted mismatches (<c>data plant-noise</c>): how many the filter saw and dropped.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public PlantedCount? Planted { get; init; }
}
