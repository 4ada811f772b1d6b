using System.Diagnostics;
using ClipHost.Abstractions.Architectures;
using ClipHost.Abstractions.Strategies;
using ClipHost.Engine.Experiments;
using ClipHost.Engine.Model;
using ClipHost.Engine.Precision;
using ClipHost.Engine.Training;
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

    /// <summary>Trains the model through the same <see cref="TrainingSession"/> as a run, and measures.</summary>
    public BenchResult Run(TrainBenchRequest request, IProgress<(int Step, double Seconds)>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var dtype = MixedPrecision.ComputeType(request.Precision);
        var peakSize = MatmulPeak.SizeFor(request.Device, dtype);
        var peak = request.MeasurePeak ? MatmulPeak.Measure(request.Device, peakSize, dtype: dtype) : 0;
        var config = request.Model ?? (request.Vision is null ? Preset : Preset with { Vision = request.Vision });
        // A strategy's own modules (SLIP's head) train with the model, so their optimiser cost is part of the step.
        using var session = TrainingSession.Create(registry, config, new StrategyConfig { Id = request.Strategy }, new TrainingConfig { Precision = request.Precision }, request.Device);
        session.Model.train();
        var profile = request.Profile ? Profiled(session) : null;
        var (seconds, rss, passes) = Measure(session, request, profile, progress, cancellationToken);
        using var process = Process.GetCurrentProcess();
        var forwardGflops = 2.0 * (((double)session.ImageMacs(passes) / request.BatchSize) + session.TextMacsPerSample) / 1e9;
        return new BenchResult(
            Preset: Describe(request, config),
            Precision: request.Precision,
            BatchSize: request.BatchSize,
            Steps: request.Steps,
            PairsPerSecondMedian: request.BatchSize / MatmulPeak.Median(seconds),
            ForwardGflopsPerPair: forwardGflops,
            MatmulPeakGflops: peak,
            MatmulPeakSize: peakSize,
            PeakRssBytes: process.PeakWorkingSet64,
            RssAtStep: rss,
            StepSeconds: seconds,
            Profile: profile?.Rows());
    }

    /// <summary>
    /// Steps on fixed synthetic inputs (no data loading in the measurement): the seconds of each measured step, resident
    /// memory at steps 100 and 300, and the image passes a step really made (FLIP's visible tokens, SLIP's extra views).
    /// </summary>
    private static (List<double> Seconds, Dictionary<int, long> Rss, IReadOnlyList<ImagePass> Passes) Measure(
        TrainingSession session, TrainBenchRequest request, StepProfile? profile, IProgress<(int Step, double Seconds)>? progress, CancellationToken cancellationToken)
    {
        var (batchSize, device, vision, text) = (request.BatchSize, request.Device, session.Model.Config.Vision, session.Model.Config.Text);
        random.manual_seed(0);
        using var images = randn(batchSize, 3, vision.ImageSize, vision.ImageSize, device: device);
        using var raw = zeros(batchSize, vision.ImageSize, vision.ImageSize, 3, ScalarType.Byte, device: device);
        using var tokens = randint(4, text.VocabSize, [batchSize, text.ContextLength], device: device);
        tokens[TensorIndex.Colon, text.ContextLength - 1] = tensor(2L);
        IReadOnlyList<ImagePass>? passes = null;
        var seconds = new List<double>();
        var rss = new Dictionary<int, long>();
        using var process = Process.GetCurrentProcess();
        var total = request.Warmup + request.Steps;
        for (var step = 1; step <= total; step++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var clock = Stopwatch.StartNew();
            using (NewDisposeScope())
            {
                var batch = new ClipBatch(images, raw, tokens, Enumerable.Range(0, batchSize).Select(i => (long)i).ToArray());
                using var generator = new Generator((ulong)step, device);
                profile?.BeginStep();
                var result = session.Step(batch, new StepContext(step - 1, total, generator, true), profile is null ? null : profile.Mark); // StepContext counts from 0
                passes ??= result.ImagePasses;
                result.Loss.item<float>();
                profile?.EndStep(measured: step > request.Warmup);
            }
            var elapsed = clock.Elapsed.TotalSeconds;
            if (step > request.Warmup)
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
        return (seconds, rss, passes!);
    }

    private static StepProfile Profiled(TrainingSession session)
    {
        var profile = new StepProfile(session.Precision);
        profile.Attach(session.Model);
        if (session.Strategy.ExtraModule is { } extra)
        {
            profile.Attach(extra);
        }
        return profile;
    }

    private static string Describe(TrainBenchRequest request, ClipModelConfig config) =>
        (request.Model is not null ? $"{config.Vision.Architecture} {config.Vision.Options} at {config.Vision.ImageSize} px, with its own text tower"
            : request.Vision is { } vision ? $"{vision.Architecture} {vision.Options} at {vision.ImageSize} px, text of {PresetName}"
            : PresetName)
        + (request.Strategy == "clip" ? string.Empty : $", strategy {request.Strategy}");
}
