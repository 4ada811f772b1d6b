using TorchSharp.Modules;

namespace ClipHost.Engine.Training;

/// <summary>
/// The run's scalars as TensorBoard event files under &lt;run&gt;/tensorboard/ (TorchSharp's SummaryWriter writes the real
/// tfevents format), beside metrics.jsonl and at the same steps: train/loss and each of its parts
/// (train/loss/&lt;part&gt;), train/lr, train/logit_scale, train/pairs_per_second, validation/&lt;metric&gt;, and the final
/// evaluation's metrics as eval/&lt;dataset&gt;/&lt;task&gt;/&lt;metric&gt; at the evaluated checkpoint's step.
/// Point TensorBoard at the runs root to compare runs.
/// </summary>
public sealed class TensorBoardLog(string runDirectory)
{
    public const string Folder = "tensorboard";

    private readonly SummaryWriter _writer = TorchSharp.torch.utils.tensorboard.SummaryWriter(Path.Combine(runDirectory, Folder));

    public void Training(long step, double loss, IReadOnlyDictionary<string, double> components, double learningRate, double logitScale, double pairsPerSecond)
    {
        ArgumentNullException.ThrowIfNull(components);
        var at = (int)step;
        _writer.add_scalar("train/loss", (float)loss, at);
        foreach (var (part, value) in components)
        {
            _writer.add_scalar($"train/loss/{part}", (float)value, at);
        }
        _writer.add_scalar("train/lr", (float)learningRate, at);
        _writer.add_scalar("train/logit_scale", (float)logitScale, at);
        _writer.add_scalar("train/pairs_per_second", (float)pairsPerSecond, at);
    }

    /// <summary>An evaluation of the checkpoint at <paramref name="step"/>: every metric of every result, keyed as the run record keys them.</summary>
    public void Evaluation(long step, IEnumerable<Evaluation.EvalResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        foreach (var result in results)
        {
            foreach (var (name, value) in result.Metrics)
            {
                _writer.add_scalar($"eval/{result.Dataset}/{result.Task}/{name}", (float)value, (int)step);
            }
        }
    }

    public void Validation(long step, IReadOnlyDictionary<string, double> metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        foreach (var (name, value) in metrics)
        {
            _writer.add_scalar($"validation/{name}", (float)value, (int)step);
        }
    }
}
