namespace ClipHost.Engine.Data.Import;

/// <summary>One sample as a source offers it, before decoding.</summary>
/// <param name="Key">Names the sample in reports: a file path, a tar key, "1f600@twitter".</param>
/// <param name="Image">The image, or null when the source already knows it is missing.</param>
/// <param name="Captions">Raw captions; cleaned and checked by the importer.</param>
/// <param name="Group">Samples of one group share a split (an emoji across styles); defaults to the key.</param>
/// <param name="Labels">Class name per label set.</param>
/// <param name="Meta">Source-specific fields.</param>
/// <param name="FixedSplit">A split the source prescribes (Fashion-MNIST's train/t10k), else null.</param>
/// <param name="Failure">Why the source could not make this sample (caption without image, missing file), else null.</param>
public sealed record ImportCandidate(
    string Key,
    ImageInput? Image,
    IReadOnlyList<string?> Captions,
    string? Group = null,
    IReadOnlyDictionary<string, string>? Labels = null,
    IReadOnlyDictionary<string, string>? Meta = null,
    string? FixedSplit = null,
    string? Failure = null)
{
    public static ImportCandidate Failed(string key, string reason) => new(key, null, [], Failure: reason);
}
