using System.Diagnostics;
using ClipHost.Modules;
using ClipHost.Modules.Augmentation;
using static TorchSharp.torch;

namespace ClipHost.Engine.Benchmarks;

/// <summary>
/// How fast each augmentation policy turns stored pixels into normalised model input, batched as a training step
/// draws them, so it can be set against the training rate it must keep up with.
/// </summary>
public static class AugmentationBenchmark
{
    /// <summary>The policies the strategies use, at their default settings, and the views each pair needs.</summary>
    public static IReadOnlyList<(string Policy, AugmentationPipeline Pipeline, int ViewsPerPair)> Policies(int imageSize) =>
    [
        ("augment cropFlip", AugmentationPipeline.CropFlip(imageSize, 0.5, 1.0), 1),
        ("augment randAugment (n 2, m 9)", AugmentationPipeline.RandAugment(imageSize, 2, 9, 0.5, 1.0), 1),
        ("augment stackedRandAugment (n 2, m 9)", AugmentationPipeline.StackedRandAugment(imageSize, 2, 9, 0.5, 1.0), 1),
        ("slip SimCLR views", AugmentationPipeline.SimClr(imageSize), 2),
    ];

    /// <summary>Measures every policy on <paramref name="raw"/> (uint8 [B, H, W, 3], the stored pixels).</summary>
    public static IReadOnlyList<AugmentationBenchRow> Run(Tensor raw, int imageSize, int steps, int warmup, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var rows = new List<AugmentationBenchRow>();
        foreach (var (policy, pipeline, views) in Policies(imageSize))
        {
            progress?.Report(policy);
            var seconds = new List<double>();
            for (var i = 0; i < warmup + steps; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var scope = NewDisposeScope();
                using var generator = new Generator((ulong)i, raw.device);
                var clock = Stopwatch.StartNew();
                var input = ClipNormalization.Normalize(pipeline.Apply(raw, generator));
                // Reading one value waits for the device, so an asynchronous GPU does not look infinitely fast.
                input[0, 0, 0, 0].item<float>();
                if (i >= warmup)
                {
                    seconds.Add(clock.Elapsed.TotalSeconds);
                }
            }
            rows.Add(new AugmentationBenchRow(policy, views, raw.shape[0] / MatmulPeak.Median(seconds), seconds));
        }
        return rows;
    }
}
