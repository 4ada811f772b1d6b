using System.Diagnostics;
using ClipHost.Abstractions.Strategies;
using ClipHost.Engine.Checkpoints;
using ClipHost.Engine.Experiments;
using ClipHost.Engine.Precision;
using ClipHost.Engine.Text;
using Microsoft.Extensions.Logging;
using static TorchSharp.torch;

namespace ClipHost.Engine.Training;

/// <summary>
/// The steps of a run from where it stands: the learning-rate schedule, one optimiser step per batch, metrics every
/// <see cref="MetricsEvery"/> steps, a checkpoint every training.checkpointEvery steps, at a stop and on cancellation,
/// a refusal of a non-finite loss, and the FLOPs each step really spent; with training.evalEvery, a validation line at
/// its cadence, and a warning when the loss still sits at chance (ln batch) a quarter of the way in.
/// </summary>
internal sealed class TrainingLoop(TrainingSession session, ExperimentConfig config, ClipTokenizer tokenizer, RunWorkspace workspace, RunBudget budget, ILogger logger, ValidationProbe? probe = null, PrecisionChoice? precision = null)
{
    private const int MetricsEvery = 10;
    private readonly TrainingConfig _training = config.Training;
    private readonly long _textMacsPerSample = session.TextMacsPerSample;
    private long _step;
    private double _wall;
    private double _imageGflops;
    private double _textGflops;
    private double _lastLoss = double.NaN;
    private double _dataWait;
    private PrecisionChoice? _precision = precision;
    private IReadOnlyDictionary<string, double> _lastComponents = new Dictionary<string, double>();
    private readonly long _evalEvery = config.Training.EvalEvery?.StepsFor(config.Training.BatchSize) ?? 0;
    private readonly double _chanceLoss = Math.Log(config.Training.BatchSize);
    private bool _warnedAtChance;
    private readonly TensorBoardLog _tensorBoard = new(workspace.RunDirectory);

    public long TotalSteps => budget.Steps;

    public long Step => _step;

    public bool Finished => _step >= TotalSteps;

    /// <summary>Continues from a checkpoint's state: its step, wall time, FLOPs spent, last loss, data waits and precision.</summary>
    public void Resume(TrainingState state) =>
        (_step, _wall, _imageGflops, _textGflops, _lastLoss, _dataWait, _precision) =
            (state.Step, state.WallSeconds, state.ImageForwardGflops, state.TextForwardGflops, state.Loss ?? double.NaN, state.DataWaitSeconds, state.Precision ?? _precision);

    public TrainingState State() => new(
        Step: _step,
        TotalSteps: TotalSteps,
        SamplesSeen: _step * _training.BatchSize,
        WallSeconds: _wall,
        ImageForwardGflops: _imageGflops,
        TextForwardGflops: _textGflops,
        ConfigHash: workspace.ConfigHash,
        Loss: double.IsNaN(_lastLoss) ? null : _lastLoss,
        Precision: _precision,
        DataWaitSeconds: _dataWait);

    public RunCompute Compute() => new(session.ImageForwardGflopsPerView, session.TextForwardGflopsPerSample, Math.Min(_step * _training.BatchSize, budget.Samples),
        _imageGflops, _textGflops, _wall, session.ImageParameters, session.TextParameters, budget, _precision, _wall > 0 ? _dataWait / _wall : null);

    /// <summary>Trains until the budget is spent or <paramref name="stopAfterSteps"/> more steps are done; cancellation checkpoints first.</summary>
    /// <param name="checkpoint">The checkpoint the run stands at (empty for a new run), returned when no step saves another.</param>
    public TrainResult Run(TrainingBatches batches, long? stopAfterSteps, string checkpoint, IProgress<TrainProgress>? progress, CancellationToken cancellationToken)
    {
        var schedule = new LearningRateSchedule(_training.LearningRate, (long)Math.Ceiling(TotalSteps * _training.WarmupFraction), TotalSteps);
        using var metrics = workspace.OpenMetrics();
        var stopAt = stopAfterSteps is { } n ? Math.Min(TotalSteps, _step + n) : TotalSteps;
        session.Model.train();
        var (startWall, startWait) = (_wall, _dataWait);
        while (_step < stopAt)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                checkpoint = Save();
                cancellationToken.ThrowIfCancellationRequested();
            }
            var clock = Stopwatch.StartNew();
            var lr = schedule.At(_step);
            session.SetLearningRate(lr);
            TrainStep(batches);
            _dataWait = startWait + batches.WaitSeconds;
            _step++;
            _wall += clock.Elapsed.TotalSeconds;
            var rate = _step * _training.BatchSize / Math.Max(_wall, 1e-9);
            progress?.Report(new TrainProgress(_step, TotalSteps, _step * _training.BatchSize, _lastLoss, rate, TimeSpan.FromSeconds(_wall)));
            if (_step % MetricsEvery == 0 || _step == TotalSteps)
            {
                WriteMetrics(metrics, lr, rate, _dataWait / Math.Max(_wall, 1e-9));
                WarnIfAtChance();
            }
            if (probe is not null && (_step % _evalEvery == 0 || _step == TotalSteps))
            {
                var validation = probe.Measure();
                WriteLine(metrics, new { step = _step, samplesSeen = _step * _training.BatchSize, validation });
                _tensorBoard.Validation(_step, validation);
            }
            if (_step % _training.CheckpointEvery == 0 || _step == stopAt)
            {
                checkpoint = Save();
            }
        }
        if (TotalSteps == 0 && checkpoint.Length == 0)
        {
            // A budget of no samples (model.init evaluated as loaded): the checkpoint at step 0 is the run's result.
            checkpoint = Save();
        }
        var invocation = Math.Max(_wall - startWall, 1e-9);
        logger.DataWait(config.Name, batches.WaitSeconds / invocation, batches.WaitSeconds, invocation);
        return new TrainResult(workspace.RunDirectory, checkpoint, State(), Finished, Compute());
    }

    private void TrainStep(TrainingBatches batches)
    {
        using var scope = NewDisposeScope();
        var batch = batches.At(_step, TotalSteps);
        using var generator = new Generator((ulong)DataOrder.SeedFor(_training.Seed, _step), session.Device);
        var result = session.Step(batch, new StepContext(_step, TotalSteps, generator, Training: true));
        _lastLoss = result.Loss.item<float>();
        _lastComponents = result.Components;
        if (!double.IsFinite(_lastLoss))
        {
            throw new InvalidOperationException($"run {config.Name}: loss is {_lastLoss} at step {_step}; lower training.learningRate or check the data");
        }
        _imageGflops += 2.0 * session.ImageMacs(result.ImagePasses) / 1e9;
        _textGflops += 2.0 * batch.SampleIds.Count * _textMacsPerSample / 1e9;
    }

    /// <param name="dataWaitShare">The share of the run's step time spent waiting for batches so far.</param>
    private void WriteMetrics(StreamWriter metrics, double lr, double rate, double dataWaitShare)
    {
        var logitScale = Math.Exp(session.Model.LogitScale.item<float>());
        _tensorBoard.Training(_step, _lastLoss, _lastComponents, lr, logitScale, rate);
        var line = new
        {
            step = _step,
            samplesSeen = _step * _training.BatchSize,
            loss = _lastLoss,
            components = _lastComponents,
            lr,
            logitScale,
            pairsPerSecond = rate,
            dataWaitShare,
            wallSeconds = _wall,
            chanceLoss = _chanceLoss,
        };
        WriteLine(metrics, line);
    }

    private static void WriteLine(StreamWriter metrics, object line)
    {
        metrics.WriteLine(JsonSerializer.Serialize(line));
        metrics.Flush();
    }

    /// <summary>A contrastive loss near ln(batch) means the towers have not yet told one pair from another.</summary>
    private void WarnIfAtChance()
    {
        if (!_warnedAtChance && _step >= Math.Max(MetricsEvery, TotalSteps / 4) && _lastLoss >= 0.95 * _chanceLoss)
        {
            _warnedAtChance = true;
            logger.AtChance(config.Name, _step, TotalSteps, _lastLoss, _chanceLoss);
        }
    }

    private string Save()
    {
        var path = session.Save(workspace.Checkpoints, tokenizer, State());
        logger.Checkpointed(config.Name, _step, path);
        return path;
    }
}
