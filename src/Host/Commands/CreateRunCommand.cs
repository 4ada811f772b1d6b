namespace ClipHost.Host.Commands;

/// <summary>
/// Make (or take up again) the run of an experiment: its id is the experiment's name, on every front end, so the CLI,
/// the API and a study name the same run the same way, and submitting a config again resumes its run.
/// </summary>
/// <param name="ExperimentJson">The experiment config, as a file holds it or a request carries it.</param>
/// <param name="Source">Who asked: "cli", "api", "schedule:&lt;experiment&gt;".</param>
/// <param name="Fresh">Discard an earlier run of that name (checkpoints and all) instead of resuming it.</param>
public sealed record CreateRunCommand(string ExperimentJson, string Source, bool Fresh = false) : ICommand<CreatedRun>
{
    public override string ToString() => $"{{ Source = {Source}, Fresh = {Fresh}, Length = {ExperimentJson.Length} }}";
}

/// <param name="Run">The run's record as it stands now.</param>
/// <param name="IsNew">This submission made the record (so a caller that fails to queue it may remove it again).</param>
/// <param name="NeedsTraining">False when the run already ended successfully: nothing to queue or train.</param>
public sealed record CreatedRun(RunRecord Run, bool IsNew, bool NeedsTraining);
