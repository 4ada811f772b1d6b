namespace ClipHost.Engine.Experiments;

/// <summary>One filter of a pipeline: a data-filter plugin id and its options.</summary>
public sealed record FilterStep(string Id, JsonElement? Options = null);
