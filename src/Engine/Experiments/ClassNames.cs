using System.Text.Json.Serialization;

namespace ClipHost.Engine.Experiments;

/// <summary>
/// Class names given in the config: a JSON object from label to name (the labels not named keep their own text), or a
/// JSON list of names in the store's label order (the order of the label set in its manifest.json).
/// </summary>
[JsonConverter(typeof(ClassNamesJsonConverter))]
public sealed record ClassNames
{
    public IReadOnlyDictionary<string, string>? ByLabel { get; init; }

    public IReadOnlyList<string>? InLabelOrder { get; init; }
}
