using ClipHost.Engine.Evaluation;

namespace ClipHost.Host.Commands;

/// <summary>
/// Evaluate a trained run. Into the run (its eval/ folder and the metrics of its record) only when <see cref="IntoRun"/>
/// says so: the service's evaluation job and `train` do, with the run's own config at its latest checkpoint. Any other
/// evaluation (another config's evaluations, an earlier step) writes to <see cref="Output"/>, by default
/// &lt;run&gt;/evaluations/step-N[-config], and leaves the run's results alone.
/// </summary>
/// <param name="RunId">The run.</param>
public sealed record EvaluateRunCommand(string RunId) : ICommand<RunEvaluation>
{
    /// <summary>Take the evaluations from this experiment JSON instead of the run's own config (validated like a submission).</summary>
    public string? ConfigJson { get; init; }

    /// <summary>Evaluate this step's checkpoint instead of the latest.</summary>
    public long? Step { get; init; }

    /// <summary>Where to write the results (not with <see cref="IntoRun"/>).</summary>
    public string? Output { get; init; }

    public bool IntoRun { get; init; }

    /// <summary>
    /// Evaluate the run's architecture initialised from its config's seed, untrained (the baseline a trained model must
    /// beat); results go to &lt;run&gt;/evaluations/untrained[-config] unless <see cref="Output"/> says otherwise.
    /// </summary>
    public bool Untrained { get; init; }

    public override string ToString() => $"{{ RunId = {RunId}, Step = {Step}, IntoRun = {IntoRun}, Untrained = {Untrained}, Config = {(ConfigJson is null ? "the run's" : "given")}, Output = {Output} }}";
}

/// <param name="Run">The run's record (with its new metrics when evaluated into the run).</param>
/// <param name="Results">One result per evaluation, as written.</param>
/// <param name="OutputDirectory">Where the CLIP_benchmark-shaped JSON files are.</param>
public sealed record RunEvaluation(RunRecord Run, IReadOnlyList<EvalResult> Results, string OutputDirectory);
