using static TorchSharp.torch;

namespace ClipHost.Abstractions.Strategies;

/// <summary>One training batch as the engine hands it to a strategy.</summary>
/// <param name="Images">Normalised images [B, 3, H, W] on the training device, after the run's base transform.</param>
/// <param name="RawImages">The same images as stored, uint8 [B, H, W, 3], for strategies that make their own views.</param>
/// <param name="Tokens">Caption token ids [B, T], int64.</param>
/// <param name="SampleIds">Store ids of the samples, in batch order.</param>
public sealed record ClipBatch(Tensor Images, Tensor RawImages, Tensor Tokens, IReadOnlyList<long> SampleIds)
{
    /// <summary>Number of pairs in the batch.</summary>
    public int Count => SampleIds.Count;
}
