namespace ClipHost.Engine.Evaluation;

/// <summary>What a class-name or template source holds: a list (in label order, for class names), or a label-to-name map.</summary>
/// <param name="List">The entries as a list, or null.</param>
/// <param name="Map">The entries as a map from label to name, or null.</param>
public sealed record PromptEntries(IReadOnlyList<string>? List, IReadOnlyDictionary<string, string>? Map);
