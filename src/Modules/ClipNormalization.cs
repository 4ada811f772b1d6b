using static TorchSharp.torch;

namespace ClipHost.Modules;

/// <summary>
/// CLIP's per-channel image normalisation (OpenAI's dataset mean and std, as open_clip's OPENAI_DATASET_MEAN / STD),
/// shared so that views a strategy makes itself are normalised exactly as the engine's batches.
/// </summary>
public static class ClipNormalization
{
    /// <summary>Channel means of RGB in [0, 1].</summary>
    public static IReadOnlyList<float> Mean { get; } = [0.48145466f, 0.4578275f, 0.40821073f];

    /// <summary>Channel standard deviations of RGB in [0, 1].</summary>
    public static IReadOnlyList<float> Std { get; } = [0.26862954f, 0.26130258f, 0.27577711f];

    /// <summary>Normalises images [B, 3, H, W] in [0, 1] into model input.</summary>
    public static Tensor Normalize(Tensor images)
    {
        using var scope = NewDisposeScope();
        var mean = tensor(Mean.ToArray(), [1, 3, 1, 1], device: images.device);
        var std = tensor(Std.ToArray(), [1, 3, 1, 1], device: images.device);
        return scope.MoveToOuter((images - mean) / std);
    }
}
