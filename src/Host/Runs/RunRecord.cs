namespace ClipHost.Host.Runs;

/// <summary>
/// One run as every host sees it: its config, status, progress, metrics and artifacts. Kept as runs/&lt;id&gt;/run.json
/// beside the checkpoints, on the file system the hosts share.
/// </summary>
public sealed record RunRecord
{
    public required string Id { get; init; }

    /// <summary>The experiment it came from (its config's name before the run id replaced it).</summary>
    public required string Experiment { get; init; }

    public RunStatus Status { get; init; } = RunStatus.Queued;

    /// <summary>The experiment config, as submitted, with <c>name</c> set to the run id.</summary>
    public required JsonElement Config { get; init; }

    /// <summary>Where the run was submitted from: "api", "schedule:&lt;experiment&gt;", "cli".</summary>
    public string Source { get; init; } = "api";

    public string? TrainingJobId { get; init; }
    public string? EvaluationJobId { get; init; }

    /// <summary>The last host that worked on it, "machine:process id".</summary>
    public string? Host { get; init; }

    public DateTimeOffset SubmittedAt { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>How many times a training job started on it: more than one means it resumed after a stop or a crash.</summary>
    public int Attempts { get; init; }

    /// <summary>The step the last attempt resumed from (0 for a fresh start).</summary>
    public long ResumedFromStep { get; init; }

    public RunProgress? Progress { get; init; }

    /// <summary>"dataset/task/metric" → value, from the evaluations.</summary>
    public IReadOnlyDictionary<string, double> Metrics { get; init; } = new Dictionary<string, double>();

    /// <summary>Plugin components the run used, "kind:id@version (plugin version)".</summary>
    public IReadOnlyList<string> Components { get; init; } = [];

    public string? RunDirectory { get; init; }
    public string? Checkpoint { get; init; }
    public string? EvaluationDirectory { get; init; }
    public string? Error { get; init; }

    public bool Finished => Status is RunStatus.Succeeded or RunStatus.Failed or RunStatus.Cancelled;
}
