using System.CommandLine;

namespace ClipHost.Host.Cli;

/// <summary>
/// `clip-host eval`: evaluates a run's checkpoint through the same command (and the same checks) as the service's
/// evaluation job. The run's own results change only with --into-run; otherwise results go to --out, or to
/// &lt;run&gt;/evaluations/step-N[-config].
/// </summary>
public static class EvalCommand
{
    public static Command Create()
    {
        var run = new Option<string>("--run") { Description = "The run (its name under the runs root)", Required = true };
        var config = new Option<FileInfo?>("--config") { Description = "Take the evaluations from this experiment JSON (checked like `train`'s) instead of the run's own config" };
        var step = new Option<long?>("--step") { Description = "Evaluate this step's checkpoint instead of the latest" };
        var output = new Option<string?>("--out") { Description = "Folder for the results (default: <run>/evaluations/step-N[-config])" };
        var intoRun = new Option<bool>("--into-run") { Description = "Write the run's own results (eval/ and the metrics of its record), with its own config at its latest checkpoint" };
        var untrained = new Option<bool>("--untrained") { Description = "Evaluate the run's architecture initialised from its config's seed, without training: the baseline (results in <run>/evaluations/untrained[-config])" };
        var command = new Command("eval", "Evaluate a trained run: zero-shot classification, retrieval, linear and few-shot probes, one CLIP_benchmark JSON per dataset and task")
        {
            run, config, step, output, intoRun, untrained,
        };
        command.SetAction((parse, ct) =>
        {
            string? json = null;
            if (parse.GetValue(config) is { } file)
            {
                if (!file.Exists)
                {
                    return Task.FromResult(CommandRunner.Refuse([new("--config", $"{file.FullName} does not exist")]));
                }
                json = File.ReadAllText(file.FullName);
            }
            var request = new EvaluateRunCommand(parse.GetValue(run)!)
            {
                ConfigJson = json,
                Step = parse.GetValue(step),
                Output = parse.GetValue(output),
                IntoRun = parse.GetValue(intoRun),
                Untrained = parse.GetValue(untrained),
            };
            return CliHost.RunAsync(parse, b => b.AddCommands(), (host, ct) => EvaluateAsync(host.Services, request, ct), ct);
        });
        return command;
    }

    /// <summary>What `train` does after training: the run's own evaluations into its results.</summary>
    public static Task<int> IntoRunAsync(IServiceProvider services, string runId, CancellationToken ct) =>
        EvaluateAsync(services, new EvaluateRunCommand(runId) { IntoRun = true }, ct);

    private static async Task<int> EvaluateAsync(IServiceProvider services, EvaluateRunCommand request, CancellationToken ct)
    {
        // The handler evaluates on a Torch thread of its own; nothing here draws a progress bar, so no thread is held.
        var (evaluation, exit) = await CommandRunner.SendAsync(services, request, ct).ConfigureAwait(false);
        if (evaluation is null)
        {
            return exit;
        }
        EvalPrinter.Print(evaluation.Results, Console.Out);
        Console.WriteLine($"results: {evaluation.OutputDirectory}");
        return 0;
    }
}
