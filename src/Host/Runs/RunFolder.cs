using ClipHost.Engine.Checkpoints;
using ClipHost.Engine.Evaluation;
using ClipHost.Engine.Experiments;

namespace ClipHost.Host.Runs;

/// <summary>
/// The record of a run folder that has none (trained before every front end wrote run.json): its folder is the source
/// of truth, config.json, the latest checkpoint's state, and eval/. The first update of such a run writes its record.
/// </summary>
public static class RunFolder
{
    public const string Source = "folder";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static RunRecord? Describe(string dir)
    {
        var file = Path.Combine(dir, "config.json");
        var (config, _) = File.Exists(file) ? ExperimentJson.Parse(File.ReadAllText(file), "config", file) : (null, []);
        if (config is null)
        {
            return null;
        }
        var latest = new CheckpointStore(dir).Latest;
        var state = latest is null ? null : CheckpointStore.ReadState(latest);
        var eval = Path.Combine(dir, "eval");
        var metrics = RunMetrics.Of(Directory.Exists(eval) ? Directory.EnumerateFiles(eval, "*.json").Select(Result).OfType<EvalResult>() : []);
        var complete = state is not null && state.Step >= state.TotalSteps;
        return new RunRecord
        {
            Id = Path.GetFileName(dir),
            Experiment = config.Name,
            Config = JsonSerializer.SerializeToElement(config, ExperimentJson.Options),
            Source = Source,
            Status = !complete ? RunStatus.Stopped : metrics.Count > 0 || config.Evaluations.Count == 0 ? RunStatus.Succeeded : RunStatus.Trained,
            SubmittedAt = Directory.GetCreationTimeUtc(dir),
            FinishedAt = complete ? File.GetLastWriteTimeUtc(latest!) : null,
            Progress = state is null ? null : new RunProgress(state.Step, state.TotalSteps, state.SamplesSeen, state.Loss, state.WallSeconds > 0 ? state.SamplesSeen / state.WallSeconds : 0, null, File.GetLastWriteTimeUtc(latest!)),
            Metrics = metrics,
            RunDirectory = dir,
            Checkpoint = latest,
            EvaluationDirectory = metrics.Count > 0 ? eval : null,
        };
    }

    /// <summary>
    /// A result file's result, or null for what is not one: a shift summary (&lt;name&gt;_distribution_shift.json sits beside
    /// the results it summarises) or a file cut short, which must not take the whole run index down with it.
    /// </summary>
    private static EvalResult? Result(string file)
    {
        if (file.EndsWith($"_{DistributionShift.Task}.json", StringComparison.Ordinal))
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<EvalResult>(File.ReadAllText(file), Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
