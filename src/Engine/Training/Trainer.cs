using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ClipHost.Abstractions.Architectures;
using ClipHost.Abstractions.Options;
using ClipHost.Abstractions.Strategies;
using ClipHost.Engine.Checkpoints;
using ClipHost.Engine.Data.Store;
using ClipHost.Engine.Experiments;
using ClipHost.Engine.Filtering;
using ClipHost.Engine.Model;
using ClipHost.Engine.Paths;
using ClipHost.Engine.Precision;
using ClipHost.Engine.Text;
using Microsoft.Extensions.Logging;
using TorchSharp;
using static TorchSharp.torch;

namespace ClipHost.Engine.Training;

/// <summary>
/// Trains one experiment: validates it, builds the model from plugins, and runs AdamW with warmup and cosine decay
/// over a budget of samples seen. Runs are idempotent by name: a run with a checkpoint resumes exactly where it
/// stopped (same weights, optimiser moments, schedule and data order), and a finished run is not trained again.
/// Runs synchronously on the calling thread, because TorchSharp's dispose scopes are per thread.
/// </summary>
public sealed class Trainer(IComponentRegistry registry, ILogger<Trainer> logger)
{
    private const int MetricsEvery = 10;
    private static readonly Lock BuildLock = new();
    private static readonly JsonSerializerOptions IndentedJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public TrainResult Train(ExperimentConfig config, TrainRunOptions run, IProgress<TrainProgress>? progress, CancellationToken cancellationToken)
    {
        // A run that already chose its filtered subset does not need its teachers again (they may be gone by now).
        var runDir = run.Layout.Run(config.Name);
        var chosen = !run.Fresh && File.Exists(Path.Combine(runDir, TrainingSet.Folder, SubsetFiles.Record));
        var errors = new ExperimentValidator(registry, run.Layout) { ChecksTeachers = !chosen }.Validate(config);
        if (errors.Count > 0)
        {
            throw new OptionsValidationFailedException(errors);
        }
        if (run.Fresh && Directory.Exists(runDir))
        {
            Directory.Delete(runDir, recursive: true);
        }
        var checkpoints = new CheckpointStore(runDir);
        var configHash = Hash(config);
        var resumeFrom = checkpoints.Latest;
        var resumed = resumeFrom is null ? null : CheckpointStore.ReadState(resumeFrom);
        if (resumed is not null && resumed.ConfigHash != configHash)
        {
            throw new OptionsValidationFailedException([new OptionError("name", $"run '{config.Name}' exists at {runDir} with a different config; pass --fresh to discard it or choose another name")]);
        }
        Directory.CreateDirectory(runDir);
        File.WriteAllText(Path.Combine(runDir, "config.json"), JsonSerializer.Serialize(config, ExperimentValidator.SerializerOptions));

        using var store = ClipStore.Open(run.Layout.Store(config.Data.Store));
        var trainIds = TrainingSet.Resolve(config, store, run, registry, runDir, resumeFrom is not null, logger, cancellationToken);
        var t = config.Training;
        if (ExperimentValidator.BatchTooLarge(t.BatchSize, trainIds.Length, $"{(config.Data.Filters.Count > 0 ? "data.filters keep" : "data.train selects")}") is { } tooLarge)
        {
            throw new OptionsValidationFailedException([tooLarge]);
        }
        var totalSamples = t.Budget.SamplesFor(trainIds.Length);
        var totalSteps = (long)Math.Ceiling((double)totalSamples / t.BatchSize);
        var tokenizer = resumeFrom is null
            ? ClipTokenizer.Build(trainIds.SelectMany(i => store.Samples[i].Captions), config.Model.Text.VocabSize, config.Model.Text.ContextLength)
            : ClipTokenizer.Load(Path.Combine(resumeFrom, CheckpointStore.Tokenizer));

        using var model = Build(config, registry);
        var encoderFactory = registry.FindEncoder(config.Model.Vision.Architecture)!;
        var context = new ImageEncoderContext(config.Model.Vision.ImageSize, 3, t.Seed);
        using var strategy = registry.FindStrategy(config.Strategy.Id)!.Create(config.Strategy.Options, new StrategyContext(
            encoderFactory.Describe(config.Model.Vision.Options, context), model.Visual.FeatureDim, config.Model.Vision.ImageSize, run.Device, t.Seed, NoServices.Instance));
        model.to(run.Device);
        strategy.ExtraModule?.to(run.Device);

        if (resumeFrom is not null)
        {
            // Weights load before the precision policy so the fp32 masters start from the exact fp32 values.
            CheckpointStore.LoadWeights(Path.Combine(resumeFrom, CheckpointStore.Weights), model, strategy.ExtraModule);
        }
        var precision = MixedPrecision.Apply(t.Precision, Roots(model, strategy.ExtraModule));
        var named = model.named_parameters().Select(p => (p.name, p.parameter))
            .Concat(strategy.ExtraModule?.named_parameters().Select(p => ($"strategy.{p.name}", p.parameter)) ?? []);
        using var optimizer = ClipOptimizer.Create(precision.Trainable(named), t);

        var step = 0L;
        var wall = 0.0;
        var (imageGflops, textGflops) = (0.0, 0.0);
        var lastLoss = double.NaN;
        IReadOnlyDictionary<string, double> lastComponents = new Dictionary<string, double>();
        if (resumeFrom is not null)
        {
            optimizer.load_state_dict(Path.Combine(resumeFrom, CheckpointStore.Optimizer));
            (step, wall, imageGflops, textGflops, lastLoss) = (resumed!.Step, resumed.WallSeconds, resumed.ImageForwardGflops, resumed.TextForwardGflops, resumed.Loss);
            logger.Resuming(config.Name, step, totalSteps, resumeFrom);
        }

        var imagePerView = 2 * (model.Visual.ForwardMacs(config.Model.Vision.ImageSize) + ((long)model.Visual.FeatureDim * config.Model.EmbedDim)) / 1e9;
        var textPerSample = 2 * (model.Text.ForwardMacs() + ((long)config.Model.Text.Width * config.Model.EmbedDim)) / 1e9;
        RunCompute Compute() => new(imagePerView, textPerSample, Math.Min(step * t.BatchSize, totalSamples), imageGflops, textGflops, wall,
            Count(model.Visual) + Count(model, "visual_projection"), Count(model.Text) + Count(model, "text_projection"));
        TrainingState State() => new()
        {
            Step = step,
            TotalSteps = totalSteps,
            SamplesSeen = step * t.BatchSize,
            WallSeconds = wall,
            ImageForwardGflops = imageGflops,
            TextForwardGflops = textGflops,
            ConfigHash = configHash,
            Loss = lastLoss,
        };
        if (step >= totalSteps && resumeFrom is not null)
        {
            logger.AlreadyComplete(config.Name, step);
            var done = new TrainResult(runDir, resumeFrom, resumed!, Completed: true, Compute());
            if (!File.Exists(Path.Combine(runDir, "compute.json")))
            {
                // Killed between its last checkpoint and compute.json: the figures follow from that checkpoint's state.
                WriteCompute(runDir, done.Compute);
            }
            return done;
        }

        logger.Starting(config.Name, trainIds.Length, totalSteps, t.BatchSize, imagePerView, textPerSample);
        var tokens = PreTokenize(store, trainIds, tokenizer, config.Data.Captions == "first");
        var order = new DataOrder(trainIds, t.BatchSize, t.Seed);
        var schedule = new LearningRateSchedule(t.LearningRate, (long)Math.Ceiling(totalSteps * t.WarmupFraction), totalSteps);
        using var batcher = new ImageBatcher(store, config.Model.Vision.ImageSize, run.Device);
        using var metrics = new StreamWriter(Path.Combine(runDir, "metrics.jsonl"), append: true);
        var stopAt = run.StopAfterSteps is { } n ? Math.Min(totalSteps, step + n) : totalSteps;
        var checkpoint = resumeFrom ?? string.Empty;
        var textMacs = model.Text.ForwardMacs() + ((long)config.Model.Text.Width * config.Model.EmbedDim);
        model.train();

        while (step < stopAt)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                checkpoint = Save();
                cancellationToken.ThrowIfCancellationRequested();
            }
            var clock = Stopwatch.StartNew();
            var lr = schedule.At(step);
            foreach (var group in optimizer.ParamGroups)
            {
                group.LearningRate = lr;
            }
            using (var scope = NewDisposeScope())
            {
                var ids = order.Batch(step);
                var captions = new Random(DataOrder.SeedFor(t.Seed, step));
                var tokenRows = new long[ids.Length * tokenizer.ContextLength];
                for (var i = 0; i < ids.Length; i++)
                {
                    var options = tokens[ids[i]];
                    options[captions.Next(options.Length)].CopyTo(tokenRows, i * tokenizer.ContextLength);
                }
                var raw = batcher.Raw(ids);
                var batch = new ClipBatch(batcher.Normalised(raw), raw, tensor(tokenRows, [ids.Length, tokenizer.ContextLength], device: run.Device), ids.Select(i => (long)i).ToArray());
                using var generator = new Generator((ulong)DataOrder.SeedFor(t.Seed, step), run.Device);
                var result = strategy.ComputeLoss(batch, model, new StepContext(step, totalSteps, generator, Training: true));
                ClipOptimizer.Step(optimizer, result.Loss, model, precision);
                lastLoss = result.Loss.item<float>();
                lastComponents = result.Components;
                if (!double.IsFinite(lastLoss))
                {
                    throw new InvalidOperationException($"run {config.Name}: loss is {lastLoss} at step {step}; lower training.learningRate or check the data");
                }
                imageGflops += 2.0 * ImagePassCompute.Macs(result.ImagePasses, model.Visual, config.Model.EmbedDim) / 1e9;
                textGflops += 2.0 * ids.Length * textMacs / 1e9;
            }
            step++;
            wall += clock.Elapsed.TotalSeconds;
            var rate = step * t.BatchSize / Math.Max(wall, 1e-9);
            progress?.Report(new TrainProgress(step, totalSteps, step * t.BatchSize, lastLoss, rate, TimeSpan.FromSeconds(wall)));
            if (step % MetricsEvery == 0 || step == totalSteps)
            {
                metrics.WriteLine(JsonSerializer.Serialize(new { step, samplesSeen = step * t.BatchSize, loss = lastLoss, components = lastComponents, lr, logitScale = Math.Exp(model.LogitScale.item<float>()), pairsPerSecond = rate, wallSeconds = wall }));
                metrics.Flush();
            }
            if (step % t.CheckpointEvery == 0 || step == stopAt)
            {
                checkpoint = Save();
            }
        }
        var final = new TrainResult(runDir, checkpoint, State(), step >= totalSteps, Compute());
        WriteCompute(runDir, final.Compute);
        return final;

        static void WriteCompute(string runDir, RunCompute compute)
        {
            // Written beside and renamed, so a kill never leaves a compute.json cut short.
            var path = Path.Combine(runDir, "compute.json");
            File.WriteAllText(path + ".tmp", JsonSerializer.Serialize(compute, IndentedJson));
            File.Move(path + ".tmp", path, overwrite: true);
        }

        string Save()
        {
            var path = checkpoints.Save(model, strategy.ExtraModule, precision, tokenizer, optimizer, State());
            logger.Checkpointed(config.Name, step, path);
            return path;
        }
    }

    /// <summary>Builds the model for a config with freshly seeded weights (the same seed gives the same weights).</summary>
    public static ClipModel Build(ExperimentConfig config, IComponentRegistry registry) => Build(config.Model, config.Training.Seed, registry);

    public static ClipModel Build(ClipModelConfig model, long seed, IComponentRegistry registry)
    {
        var factory = registry.FindEncoder(model.Vision.Architecture)
            ?? throw new InvalidOperationException($"architecture '{model.Vision.Architecture}' is not loaded");
        // Module constructors draw from LibTorch's one global generator, so two models built at once (two jobs)
        // would interleave their draws and neither would get its seed's weights. Build one at a time.
        lock (BuildLock)
        {
            random.manual_seed(seed);
            var encoder = factory.Create(model.Vision.Options, new ImageEncoderContext(model.Vision.ImageSize, 3, seed));
            return new ClipModel(model, encoder);
        }
    }

    /// <summary>The modules the precision policy converts, named as in the checkpoint.</summary>
    public static IEnumerable<(string Prefix, nn.Module Root)> Roots(ClipModel model, nn.Module? extra) =>
        extra is null ? [(string.Empty, model)] : [(string.Empty, model), ("strategy.", extra)];

    /// <summary>
    /// The training-relevant parts of a config. Evaluations may change without breaking a resume, and so may the
    /// precision: checkpoints are fp32 either way, so a run can continue in the other precision.
    /// </summary>
    public static string Hash(ExperimentConfig config)
    {
        var training = config.Training with { Precision = Experiments.Precision.Fp32 };
        var relevant = JsonSerializer.Serialize(new { config.Data, config.Model, config.Strategy, Training = training }, ExperimentValidator.SerializerOptions);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(relevant)));
    }

    private static Dictionary<int, long[][]> PreTokenize(ClipStore store, int[] ids, ClipTokenizer tokenizer, bool firstOnly) =>
        ids.Distinct().ToDictionary(i => i, i => (firstOnly ? store.Samples[i].Captions.Take(1) : store.Samples[i].Captions).Select(tokenizer.Encode).ToArray());

    private static long Count(nn.Module module) => module.parameters().Sum(p => p.numel());

    private static long Count(nn.Module module, string prefix) =>
        module.named_parameters().Where(p => p.name.StartsWith(prefix, StringComparison.Ordinal)).Sum(p => p.parameter.numel());
}
