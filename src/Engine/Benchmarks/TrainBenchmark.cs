using System.Diagnostics;
using System.Text.Json;
using ClipHost.Abstractions.Architectures;
using ClipHost.Abstractions.Strategies;
using ClipHost.Engine.Experiments;
using ClipHost.Engine.Model;
using ClipHost.Engine.Precision;
using ClipHost.Engine.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace ClipHost.Engine.Benchmarks;

/// <summary>
/// Trains the fixed preset bench-vit-ti (or its text tower with another image tower) on synthetic inputs (no data
/// loading in the measurement) and reports pairs/s, GFLOPs, the matmul peak of the same run and resident memory.
/// </summary>
public sealed class TrainBenchmark(IComponentRegistry registry)
{
    public const string PresetName = "bench-vit-ti";
    public const int BatchSize = 256;

    /// <summary>Image 64x64, ViT patch 8, width 192, depth 6, 3 heads, MLP 768, CLS; text 32 tokens, vocab 8192, width 256, depth 4, 4 heads, MLP 1024; embed 256.</summary>
    public static ClipModelConfig Preset => new()
    {
        EmbedDim = 256,
        Vision = new ImageTowerConfig
        {
            Architecture = "vit",
            ImageSize = 64,
            Options = JsonDocument.Parse("""{"patchSize": 8, "width": 192, "depth": 6, "heads": 3, "mlpRatio": 4, "pool": "cls"}""").RootElement,
        },
        Text = new TextConfig { ContextLength = 32, VocabSize = 8192, Width = 256, Layers = 4, Heads = 4, MlpWidth = 1024 },
    };

    /// <summary>What the preset's image tower offers strategies (patch tokens for FLIP).</summary>
    public static EncoderCapabilities Capabilities(IComponentRegistry registry) =>
        registry.FindEncoder(Preset.Vision.Architecture)!.Describe(Preset.Vision.Options, new(Preset.Vision.ImageSize, 3, 0));

    /// <summary>Trains and measures.</summary>
    /// <param name="vision">An image tower in place of the preset's (validated by the caller), or null.</param>
    /// <param name="measurePeak">Also time the 2048^3 matmul, for the fraction of peak (a few seconds).</param>
    /// <param name="strategy">The strategy to train with (its default options): clip, or e.g. flip to compare.</param>
    /// <param name="model">A whole model (an experiment's) in place of the preset, or null.</param>
    public BenchResult Run(Device device, Experiments.Precision precision, int steps, int warmup, int batchSize, IProgress<(int Step, double Seconds)>? progress, CancellationToken cancellationToken, ImageTowerConfig? vision = null, bool measurePeak = true, string strategy = "clip", ClipModelConfig? model = null)
    {
        var peak = measurePeak ? MatmulPeak.Measure(device, dtype: MixedPrecision.ComputeType(precision)) : 0;
        var config = model ?? (vision is null ? Preset : Preset with { Vision = vision });
        using var clipModel = Trainer.Build(config, 0, registry);
        clipModel.to(device);
        clipModel.train();
        var factory = registry.FindStrategy(strategy) ?? throw new InvalidOperationException($"the {strategy} strategy plugin is not loaded");
        var capabilities = registry.FindEncoder(config.Vision.Architecture)!.Describe(config.Vision.Options, new(config.Vision.ImageSize, 3, 0));
        using var clip = factory.Create(null, new StrategyContext(capabilities, clipModel.Visual.FeatureDim, config.Vision.ImageSize, device, 0, NoServices.Instance));
        // A strategy's own modules (SLIP's head) train with the model, so their optimiser cost is part of the step.
        clip.ExtraModule?.to(device);
        var policy = MixedPrecision.Apply(precision, Trainer.Roots(clipModel, clip.ExtraModule));
        var named = clipModel.named_parameters().Select(p => (p.name, p.parameter))
            .Concat(clip.ExtraModule?.named_parameters().Select(p => ($"strategy.{p.name}", p.parameter)) ?? []);
        using var optimizer = ClipOptimizer.Create(policy.Trainable(named), new TrainingConfig());
        random.manual_seed(0);
        using var images = randn(batchSize, 3, config.Vision.ImageSize, config.Vision.ImageSize, device: device);
        using var raw = zeros(batchSize, config.Vision.ImageSize, config.Vision.ImageSize, 3, ScalarType.Byte, device: device);
        using var tokens = randint(4, config.Text.VocabSize, [batchSize, config.Text.ContextLength], device: device);
        tokens[TensorIndex.Colon, config.Text.ContextLength - 1] = tensor(2L);
        // The image passes a step really made (FLIP's visible tokens, SLIP's extra views), read from the first step.
        IReadOnlyList<ImagePass>? passes = null;

        var seconds = new List<double>();
        var rss = new Dictionary<int, long>();
        using var process = Process.GetCurrentProcess();
        for (var step = 1; step <= warmup + steps; step++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var clock = Stopwatch.StartNew();
            using (NewDisposeScope())
            {
                var batch = new ClipBatch(images, raw, tokens, Enumerable.Range(0, batchSize).Select(i => (long)i).ToArray());
                using var generator = new Generator((ulong)step, device);
                var result = clip.ComputeLoss(batch, clipModel, new StepContext(step - 1, warmup + steps, generator, true)); // StepContext counts from 0
                passes ??= result.ImagePasses;
                ClipOptimizer.Step(optimizer, result.Loss, clipModel, policy);
                result.Loss.item<float>();
            }
            var elapsed = clock.Elapsed.TotalSeconds;
            if (step > warmup)
            {
                seconds.Add(elapsed);
            }
            process.Refresh();
            if (step is 100 or 300)
            {
                rss[step] = process.WorkingSet64;
            }
            progress?.Report((step, elapsed));
        }
        process.Refresh();
        var imageMacs = ImagePassCompute.Macs(passes!, clipModel.Visual, config.EmbedDim);
        var forwardGflops = 2.0 * (((double)imageMacs / batchSize) + clipModel.Text.ForwardMacs() + ((long)config.Text.Width * config.EmbedDim)) / 1e9;
        return new BenchResult
        {
            Preset = (model is not null ? $"{config.Vision.Architecture} {config.Vision.Options} at {config.Vision.ImageSize} px, with its own text tower" : vision is null ? PresetName : $"{vision.Architecture} {vision.Options} at {vision.ImageSize} px, text of {PresetName}") + (strategy == "clip" ? string.Empty : $", strategy {strategy}"),
            Precision = precision,
            BatchSize = batchSize,
            Steps = steps,
            PairsPerSecondMedian = batchSize / MatmulPeak.Median(seconds),
            ForwardGflopsPerPair = forwardGflops,
            MatmulPeakGflops = peak,
            PeakRssBytes = process.PeakWorkingSet64,
            RssAtStep = rss,
            StepSeconds = seconds,
        };
    }
}
