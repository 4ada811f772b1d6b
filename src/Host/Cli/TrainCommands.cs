using System.CommandLine;
using System.Text.Json;
using ClipHost.Abstractions.Options;
using ClipHost.Engine.Benchmarks;
using ClipHost.Engine.Evaluation;
using ClipHost.Engine.Experiments;
using ClipHost.Engine.Model;
using ClipHost.Engine.Paths;
using ClipHost.Reports;
using ClipHost.Engine.Training;
using ClipHost.Host.Options;
using ClipHost.Host.Torch;
using Microsoft.Extensions.Options;

namespace ClipHost.Host.Cli;

/// <summary>`clip-host train`, `eval` and `bench`.</summary>
public static partial class TrainCommands
{
    public static RootCommand AddTrainCommands(this RootCommand root)
    {
        root.Subcommands.Add(Train());
        root.Subcommands.Add(Eval());
        root.Subcommands.Add(Bench());
        return root;
    }

    private static Command Train()
    {
        var config = new Option<FileInfo>("--config") { Description = "Experiment JSON (see experiments/quickstart.json)", Required = true };
        var fresh = new Option<bool>("--fresh") { Description = "Discard an earlier run of the same name instead of resuming it" };
        var noEval = new Option<bool>("--no-eval") { Description = "Skip the config's evaluations after training" };
        var stopAfter = new Option<long?>("--stop-after-steps") { Description = "Stop with a checkpoint after this many steps (resume by running again)" };
        var sweep = new Option<string[]>("--sweep")
        {
            Description = "Train one run per value of a config field, e.g. --sweep data.filters[0].options.topPercent=20,40,60,80,100 (repeat for a grid); runs are named <name>-<field>-<value>, then compared side by side",
        };
        var command = new Command("train", "Train a CLIP model from an experiment config, resuming a run of the same name from its last checkpoint, then evaluate it")
        {
            config, fresh, noEval, stopAfter, sweep,
        };
        command.SetAction((parse, ct) =>
        {
            var path = parse.GetValue(config)!.FullName;
            var (experiment, loadErrors) = ExperimentValidator.Load(path);
            if (experiment is null)
            {
                return Task.FromResult(Refuse(loadErrors));
            }
            List<ExperimentConfig> experiments;
            try
            {
                experiments = parse.GetValue(sweep) is { Length: > 0 } axes ? Variants(path, axes) : [experiment];
            }
            catch (OptionsValidationFailedException e)
            {
                return Task.FromResult(Refuse(e.Errors));
            }
            return CliHost.RunAsync(parse, b => b.AddTraining(), async (host, ct) =>
            {
                var s = host.Services;
                var options = new TrainRunOptions
                {
                    Layout = s.GetRequiredService<DataLayout>(),
                    Device = s.GetRequiredService<TorchRuntime>().Device,
                    Fresh = parse.GetValue(fresh),
                    StopAfterSteps = parse.GetValue(stopAfter),
                };
                if (experiments.Count == 1)
                {
                    return await TrainAndEvaluateAsync(s, experiments[0], options, !parse.GetValue(noEval), ct).ConfigureAwait(false);
                }
                // Every variant is checked before the first trains: a bad value found an hour into a sweep wastes the hour.
                var validator = new ExperimentValidator(s.GetRequiredService<IComponentRegistry>(), options.Layout);
                var refused = experiments.SelectMany(e => validator.Validate(e).Select(err => err with { Field = $"{e.Name}: {err.Field}" })).ToList();
                if (refused.Count > 0)
                {
                    return Refuse(refused);
                }
                Console.WriteLine($"sweep: {experiments.Count} runs: {string.Join(", ", experiments.Select(e => e.Name))}");
                foreach (var variant in experiments)
                {
                    Console.WriteLine($"== {variant.Name}");
                    var exit = await TrainAndEvaluateAsync(s, variant, options, !parse.GetValue(noEval), ct).ConfigureAwait(false);
                    if (exit != 0)
                    {
                        return exit;
                    }
                }
                var summaries = experiments.Select(e => RunSummary.Read(Path.Combine(options.Layout.Runs, e.Name))).ToList();
                var table = RunComparison.Table(summaries);
                var output = Path.Combine(options.Layout.Runs, $"{experiment.Name}-sweep");
                Directory.CreateDirectory(output);
                File.WriteAllText(Path.Combine(output, "comparison.md"), table);
                RunComparison.LossPlot(summaries, Path.Combine(output, "loss-curves.png"));
                Console.Write(table);
                Console.WriteLine($"wrote {Path.Combine(output, "comparison.md")} and loss-curves.png");
                return 0;
            }, ct);
        });
        return command;
    }

    private static List<ExperimentConfig> Variants(string path, string[] axes)
    {
        var variants = ConfigSweep.Expand(File.ReadAllText(path), [.. axes.Select(ConfigSweep.ParseAxis)]);
        var configs = new List<ExperimentConfig>();
        foreach (var (name, json) in variants)
        {
            var (config, errors) = ExperimentValidator.Parse(json, "--sweep", name);
            if (config is null)
            {
                throw new OptionsValidationFailedException([.. errors.Select(e => e with { Field = $"{name}: {e.Field}" })]);
            }
            configs.Add(config);
        }
        return configs;
    }

    private static async Task<int> TrainAndEvaluateAsync(IServiceProvider s, ExperimentConfig experiment, TrainRunOptions options, bool evaluate, CancellationToken ct)
    {
        TrainResult result;
        try
        {
            result = await OnTrainingThread(() => TrainProgressDisplay.Run(experiment.Name, p => s.GetRequiredService<Trainer>().Train(experiment, options, p, ct))).ConfigureAwait(false);
        }
        catch (OptionsValidationFailedException e)
        {
            return Refuse(e.Errors);
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine($"{experiment.Name}: stopped; a checkpoint was written and the next `train` resumes from it");
            return 130;
        }
        catch (ClipHost.Engine.Checkpoints.CheckpointWriteException e)
        {
            Console.Error.WriteLine($"{experiment.Name}: {e.Message}");
            return 1;
        }
        PrintCompute(result);
        if (!result.Completed)
        {
            Console.WriteLine($"stopped at step {result.State.Step} of {result.State.TotalSteps}; run the same command again to resume");
            return 0;
        }
        if (evaluate && experiment.Evaluations.Count > 0)
        {
            var output = Path.Combine(result.RunDirectory, "eval");
            var evals = await OnTrainingThread(() => s.GetRequiredService<Evaluator>().Evaluate(result.Checkpoint, experiment.Name, experiment.Evaluations, options.Layout.Stores, output, options.Device, experiment.Training.Precision, ct)).ConfigureAwait(false);
            EvalPrinter.Print(evals, Console.Out);
            Console.WriteLine($"results: {output}");
        }
        return 0;
    }

    private static Command Eval()
    {
        var run = new Option<string>("--run") { Description = "Run name (under Runs:Root) or run folder; its latest checkpoint and config are used", Required = true };
        var config = new Option<FileInfo?>("--config") { Description = "Take the evaluations from this experiment JSON instead of the run's own config" };
        var command = new Command("eval", "Evaluate a trained run: zero-shot classification and retrieval, one CLIP_benchmark JSON per dataset and task") { run, config };
        command.SetAction((parse, ct) => CliHost.RunAsync(parse, b => b.AddTraining(), async (host, ct) =>
        {
            var s = host.Services;
            var runDir = Directory.Exists(parse.GetValue(run)) ? Path.GetFullPath(parse.GetValue(run)!) : Path.Combine(s.GetRequiredService<DataLayout>().Runs, parse.GetValue(run)!);
            var checkpoint = new ClipHost.Engine.Checkpoints.CheckpointStore(runDir).Latest;
            if (checkpoint is null)
            {
                return Refuse([new OptionError("--run", $"no checkpoint under {runDir}")]);
            }
            var (experiment, errors) = ExperimentValidator.Load(parse.GetValue(config)?.FullName ?? Path.Combine(runDir, "config.json"));
            if (experiment is null)
            {
                return Refuse(errors);
            }
            var stores = s.GetRequiredService<DataLayout>().Stores;
            var output = Path.Combine(runDir, "eval");
            var results = await OnTrainingThread(() => s.GetRequiredService<Evaluator>().Evaluate(checkpoint, experiment.Name, experiment.Evaluations, stores, output, s.GetRequiredService<TorchRuntime>().Device, experiment.Training.Precision, ct)).ConfigureAwait(false);
            EvalPrinter.Print(results, Console.Out);
            Console.WriteLine($"results: {output}");
            return 0;
        }, ct));
        return command;
    }

    private static Command Bench()
    {
        var steps = new Option<int>("--steps") { Description = "Measured steps (300 also reports memory at steps 100 and 300)", DefaultValueFactory = _ => 12 };
        var warmup = new Option<int>("--warmup") { Description = "Unmeasured steps first", DefaultValueFactory = _ => 3 };
        var batch = new Option<int>("--batch") { Description = "Batch size", DefaultValueFactory = _ => TrainBenchmark.BatchSize };
        var precision = new Option<string>("--precision") { Description = "fp32, bf16-mixed, or all (both in one run, side by side)", DefaultValueFactory = _ => "fp32" };
        precision.AcceptOnlyFromAmong("fp32", "bf16-mixed", "all");
        var architecture = new Option<string?>("--architecture") { Description = "Train this image tower instead of the preset's (with the preset's text tower)" };
        var options = new Option<string?>("--options") { Description = "The image tower's options as JSON, e.g. '{\"preset\": \"mini\"}'" };
        var imageSize = new Option<int>("--image-size") { Description = "Image side for --architecture and --presets", DefaultValueFactory = _ => 64 };
        var strategies = new Option<string[]>("--strategy") { Description = "Strategies to train, side by side in this run (default clip), e.g. --strategy clip --strategy flip", DefaultValueFactory = _ => ["clip"], AllowMultipleArgumentsPerToken = true };
        var augmentations = new Option<bool>("--augmentations") { Description = "Images/s of every augmentation policy on the stored pixels of --config's training data, against that experiment's own training pairs/s" };
        var experiment = new Option<FileInfo>("--config") { Description = "The experiment --augmentations measures against", DefaultValueFactory = _ => new FileInfo(Path.Combine("experiments", "quickstart.json")) };
        var presets = new Option<bool>("--presets") { Description = "Every preset of every architecture (or of --architecture; or the preset named in --options): parameters, GFLOPs at 224 px and --image-size, tokens, and pairs/s at --image-size, as a Markdown table" };
        var command = new Command("bench", $"Train the fixed preset {TrainBenchmark.PresetName} (or another image tower) on synthetic inputs and report pairs/s, GFLOP/s against the matmul peak, and memory")
        {
            steps, warmup, batch, precision, architecture, options, imageSize, strategies, presets, augmentations, experiment,
        };
        command.SetAction((parse, ct) =>
        {
            if (parse.GetValue(augmentations))
            {
                return AugmentationBench(parse, parse.GetValue(experiment)!, parse.GetValue(steps), parse.GetValue(warmup), ct);
            }
            if (parse.GetValue(presets))
            {
                return PresetsTable(parse, parse.GetValue(imageSize), parse.GetValue(batch), parse.GetValue(steps), parse.GetValue(warmup), parse.GetValue(architecture), PresetOf(parse.GetValue(options)), ct);
            }
            ImageTowerConfig? vision = null;
            if (parse.GetValue(architecture) is { } id)
            {
                var (tower, errors) = BenchVision(id, parse.GetValue(options), parse.GetValue(imageSize));
                if (tower is null)
                {
                    return Task.FromResult(Refuse(errors));
                }
                vision = tower;
            }
            return CliHost.RunAsync(parse, b => b.AddTraining(), async (host, ct) =>
            {
                var s = host.Services;
                var device = s.GetRequiredService<TorchRuntime>().Device;
                if (vision is not null && Refusals(s.GetRequiredService<IComponentRegistry>(), vision) is { Count: > 0 } refused)
                {
                    return Refuse(refused);
                }
                Precision[] precisions = parse.GetValue(precision) switch
                {
                    "all" => [Precision.Fp32, Precision.Bf16Mixed],
                    "bf16-mixed" => [Precision.Bf16Mixed],
                    _ => [Precision.Fp32],
                };
                var registry = s.GetRequiredService<IComponentRegistry>();
                var ids = parse.GetValue(strategies)!;
                var rejected = ids.Where(id => registry.FindStrategy(id) is null).Select(id => new OptionError("--strategy", $"unknown strategy '{id}'; available: {string.Join(", ", registry.StrategyIds)}")).ToList();
                var capabilities = vision is null ? TrainBenchmark.Capabilities(registry) : registry.FindEncoder(vision.Architecture)!.Describe(vision.Options, new(vision.ImageSize, 3, 0));
                rejected.AddRange(ids.Select(registry.FindStrategy).OfType<Abstractions.Strategies.ITrainingStrategyFactory>().SelectMany(f => f.Validate(null, capabilities, "--strategy")));
                if (rejected.Count > 0)
                {
                    return Refuse(rejected);
                }
                var results = new List<BenchResult>();
                foreach (var id in ids)
                {
                    foreach (var p in precisions)
                    {
                        var result = await OnTrainingThread(() => s.GetRequiredService<TrainBenchmark>().Run(
                            device, p, parse.GetValue(steps), parse.GetValue(warmup), parse.GetValue(batch), new Progress<(int Step, double Seconds)>(x => Console.Error.Write($"\r{id} {p} step {x.Step}: {x.Seconds:F2} s   ")), ct, vision, strategy: id)).ConfigureAwait(false);
                        Console.Error.WriteLine();
                        PrintBench(result, device);
                        results.Add(result);
                    }
                }
                if (precisions.Length == 2 && ids.Length == 1)
                {
                    Console.WriteLine($"bf16-mixed / fp32:      {results[1].PairsPerSecondMedian / results[0].PairsPerSecondMedian:F2}x pairs/s; matmul peak bf16 / fp32 {results[1].MatmulPeakGflops / results[0].MatmulPeakGflops:F2}x");
                }
                // Each later strategy against the first, at the same precision, measured in this one run.
                for (var i = precisions.Length; i < results.Count; i++)
                {
                    var baseline = results[i % precisions.Length];
                    Console.WriteLine($"{ids[i / precisions.Length]} / {ids[0]} ({PrecisionName(results[i].Precision)}): {results[i].PairsPerSecondMedian / baseline.PairsPerSecondMedian:F2}x pairs/s, {results[i].ForwardGflopsPerPair / baseline.ForwardGflopsPerPair:F2}x forward GFLOPs/pair");
                }
                return 0;
            }, ct);
        });
        return command;
    }

    /// <summary>Parses --options; the architecture and its option values are checked once the plugins are loaded.</summary>
    private static (ImageTowerConfig? Vision, IReadOnlyList<OptionError> Errors) BenchVision(string id, string? json, int imageSize)
    {
        try
        {
            var options = json is null ? (JsonElement?)null : JsonDocument.Parse(json).RootElement;
            return (new ImageTowerConfig { Architecture = id, ImageSize = imageSize, Options = options }, []);
        }
        catch (JsonException e)
        {
            return (null, [new OptionError("--options", $"not JSON: {e.Message}")]);
        }
    }

    private static IReadOnlyList<OptionError> Refusals(IComponentRegistry registry, ImageTowerConfig vision) =>
        registry.FindEncoder(vision.Architecture) is { } factory
            ? factory.Validate(vision.Options, new(vision.ImageSize, 3, 0), "--options")
            : [new OptionError("--architecture", $"unknown architecture '{vision.Architecture}'; available: {string.Join(", ", registry.EncoderIds)}")];

    /// <summary>The "preset" of --options, which narrows --presets to that preset.</summary>
    private static string? PresetOf(string? json)
    {
        try
        {
            return json is not null && JsonDocument.Parse(json).RootElement.TryGetProperty("preset", out var p) ? p.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static Task<int> PresetsTable(ParseResult parse, int imageSize, int batchSize, int steps, int warmup, string? onlyArchitecture, string? onlyPreset, CancellationToken ct) =>
        CliHost.RunAsync(parse, b => b.AddTraining(), async (host, ct) =>
        {
            var s = host.Services;
            var device = s.GetRequiredService<TorchRuntime>().Device;
            var table = new PresetTable(s.GetRequiredService<IComponentRegistry>(), s.GetRequiredService<TrainBenchmark>());
            Console.WriteLine($"| architecture | preset | params (M) | GFLOPs 224 px | GFLOPs {imageSize} px | tokens 224 / {imageSize} | training pairs/s at {imageSize} px |");
            Console.WriteLine("|---|---|---:|---:|---:|---:|---:|");
            await OnTrainingThread(() =>
            {
                foreach (var row in table.Measure(device, imageSize, batchSize, steps, warmup, onlyArchitecture, onlyPreset, new Progress<string>(x => Console.Error.WriteLine($"measuring {x}")), ct))
                {
                    Console.WriteLine(PresetLine(row));
                }
                return 0;
            }).ConfigureAwait(false);
            Console.WriteLine();
            Console.WriteLine($"pairs/s: median of {steps} steps after {warmup} warm-up, batch {batchSize}, fp32, device {device}, with {TrainBenchmark.PresetName}'s text tower; GFLOPs = 2 x multiply-adds of the image tower's forward pass.");
            return 0;
        }, ct);

    private static string PresetLine(PresetRow r)
    {
        static string G(double? g) => g is { } v ? v.ToString(v < 1 ? "F3" : "F2", System.Globalization.CultureInfo.InvariantCulture) : "does not fit";
        static string T(int t) => t > 0 ? t.ToString(System.Globalization.CultureInfo.InvariantCulture) : "-";
        var pairs = r.Bench is { } b ? b.PairsPerSecondMedian.ToString("F1", System.Globalization.CultureInfo.InvariantCulture) : $"refused: {r.Refusal}";
        return $"| {r.Architecture} | {r.Preset} | {r.Parameters / 1e6:F2} | {G(r.Gflops224)} | {G(r.GflopsSmall)} | {T(r.Tokens224)} / {T(r.TokensSmall)} | {pairs} |";
    }

    private static void PrintBench(BenchResult result, TorchSharp.torch.Device device)
    {
        var dtype = result.Precision == Precision.Fp32 ? "fp32" : "bf16";
        Console.WriteLine($"preset:                 {result.Preset} (batch {result.BatchSize}, {PrecisionName(result.Precision)}, device {device})");
        Console.WriteLine($"pairs/s (median of {result.Steps}): {result.PairsPerSecondMedian:F1}");
        Console.WriteLine($"forward GFLOPs/pair:    {result.ForwardGflopsPerPair:F4}");
        Console.WriteLine($"achieved training:      {result.AchievedGflops:F1} GFLOP/s (3 x forward x pairs/s)");
        Console.WriteLine($"{dtype} matmul peak:       {result.MatmulPeakGflops:F1} GFLOP/s (2048^3, same run)");
        Console.WriteLine($"fraction of peak:       {result.FractionOfPeak:P1}");
        Console.WriteLine($"peak RSS:               {result.PeakRssBytes / 1048576.0:F0} MiB");
        if (result.RssAtStep.TryGetValue(100, out var at100) && result.RssAtStep.TryGetValue(300, out var at300))
        {
            Console.WriteLine($"RSS step 100 -> 300:    {at100 / 1048576.0:F0} -> {at300 / 1048576.0:F0} MiB ({(at300 - at100) * 100.0 / at100:+0.0;-0.0}%)");
        }
    }

    private static string PrecisionName(Precision p) => p == Precision.Fp32 ? "fp32" : "bf16-mixed";

    /// <summary>Training runs on one dedicated thread: TorchSharp's dispose scopes are per thread.</summary>
    private static Task<T> OnTrainingThread<T>(Func<T> work) =>
        Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private static int Refuse(IReadOnlyList<OptionError> errors)
    {
        foreach (var error in errors)
        {
            Console.Error.WriteLine($"config error: {error}");
        }
        return ImportRunner.BadInput;
    }

    private static void PrintCompute(TrainResult r)
    {
        var c = r.Compute;
        Console.WriteLine($"trained {c.SamplesSeen} pairs in {c.WallSeconds:F0} s ({c.PairsPerSecond:F0} pairs/s); loss {r.State.Loss:F4}");
        Console.WriteLine($"compute: image {c.ImageForwardGflopsPerSample:F4} (one full view {c.ImageForwardGflopsPerView:F4}) + text {c.TextForwardGflopsPerSample:F4} forward GFLOPs/pair; {c.TrainingGflops / 1000:F1} TFLOPs in training; {c.ImageParameters / 1e6:F2}M + {c.TextParameters / 1e6:F2}M parameters");
        Console.WriteLine($"checkpoint: {r.Checkpoint}");
    }
}
