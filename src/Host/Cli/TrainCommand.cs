using System.CommandLine;
using ClipHost.Engine.Experiments;
using ClipHost.Engine.Training;

namespace ClipHost.Host.Cli;

/// <summary>
/// `clip-host train`: creates the run (named after the experiment, as over the API), trains it with a progress bar and
/// evaluates it into its results, all in this process through the same commands the service's jobs send.
/// </summary>
public static class TrainCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Command Create()
    {
        var config = new Option<FileInfo>("--config") { Description = "Experiment JSON (see experiments/quickstart.json)", Required = true };
        var fresh = new Option<bool>("--fresh") { Description = "Discard an earlier run of the same name instead of resuming it" };
        var noEval = new Option<bool>("--no-eval") { Description = "Skip the config's evaluations after training (the run stays 'trained')" };
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
            if (!File.Exists(path))
            {
                return Task.FromResult(CommandRunner.Refuse([new("--config", $"{path} does not exist")]));
            }
            var json = File.ReadAllText(path);
            var axes = parse.GetValue(sweep) ?? [];
            var how = new TrainRequest(parse.GetValue(fresh), !parse.GetValue(noEval), parse.GetValue(stopAfter));
            return CliHost.RunAsync(parse, b => b.AddCommands(), (host, ct) => axes.Length == 0
                ? TrainOneAsync(host.Services, json, how, ct)
                : SweepCommand.RunAsync(host.Services, json, axes, (variant, c) => TrainOneAsync(host.Services, variant, how, c), ct), ct);
        });
        return command;
    }

    /// <param name="Source">What the run's record says started it.</param>
    public sealed record TrainRequest(bool Fresh, bool Evaluate, long? StopAfterSteps, string Source = "cli");

    public static async Task<int> TrainOneAsync(IServiceProvider s, string json, TrainRequest how, CancellationToken ct)
    {
        var (created, refused) = await CommandRunner.SendAsync(s, new CreateRunCommand(json, how.Source, how.Fresh), ct).ConfigureAwait(false);
        if (created is null)
        {
            return refused;
        }
        var id = created.Run.Id;
        if (!created.NeedsTraining)
        {
            return AlreadyDone(created.Run);
        }
        RunRecord? trained;
        try
        {
            var train = new TrainRunCommand(id) { StopAfterSteps = how.StopAfterSteps };
            (trained, refused) = await CommandRunner.OnTrainingThread(() => TrainProgressDisplay.Run(id, p =>
                CommandRunner.SendAsync(s, train with { Display = p }, ct).GetAwaiter().GetResult())).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine($"{id}: stopped; a checkpoint was written and the next `train` resumes from it");
            return 130;
        }
        catch (Engine.Checkpoints.CheckpointWriteException e)
        {
            Console.Error.WriteLine($"{id}: {e.Message}");
            return 1;
        }
        if (trained is null)
        {
            return refused;
        }
        PrintCompute(trained);
        if (trained.Status == RunStatus.Stopped)
        {
            Console.WriteLine($"stopped at step {trained.Progress?.Step} of {trained.Progress?.TotalSteps}; run the same command again to resume");
            return 0;
        }
        return trained.Status == RunStatus.Trained && how.Evaluate ? await EvalCommand.IntoRunAsync(s, id, ct).ConfigureAwait(false) : 0;
    }

    private static int AlreadyDone(RunRecord run)
    {
        if (run.Status != RunStatus.Succeeded)
        {
            Console.Error.WriteLine($"{run.Id}: {RunActivity.Describe(run)}; wait for it to end, or cancel it");
            return 1;
        }
        Console.WriteLine($"{run.Id}: already trained and evaluated (run folder {run.RunDirectory}); --fresh trains it again");
        foreach (var (key, value) in run.Metrics)
        {
            Console.WriteLine($"  {key,-60} {value:F4}");
        }
        return 0;
    }

    private static void PrintCompute(RunRecord run)
    {
        var file = Path.Combine(run.RunDirectory!, "compute.json");
        if (File.Exists(file) && JsonSerializer.Deserialize<RunCompute>(File.ReadAllText(file), Json) is { } c)
        {
            Console.WriteLine($"trained {c.SamplesSeen} pairs in {c.WallSeconds:F0} s ({c.PairsPerSecond:F0} pairs/s); loss {run.Progress?.Loss:F4}");
            if (c.Budget is { } b)
            {
                var gap = c.BudgetGap is { } g ? $", {c.TrainingGflops:G4} spent ({g:+0.00%;-0.00%})" : string.Empty;
                Console.WriteLine($"budget: {b.Kind} {b.Value:G6} = {b.Steps} steps, {b.Samples} pairs{gap}");
            }
            Console.WriteLine($"compute: image {c.ImageForwardGflopsPerSample:F4} (one full view {c.ImageForwardGflopsPerView:F4}) + text {c.TextForwardGflopsPerSample:F4} forward GFLOPs/pair; {c.TrainingGflops / 1000:F1} TFLOPs in training; {c.ImageParameters / 1e6:F2}M + {c.TextParameters / 1e6:F2}M parameters");
        }
        Console.WriteLine($"checkpoint: {run.Checkpoint}");
    }
}
