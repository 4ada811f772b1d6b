using System.Security.Cryptography;
using System.Text;

namespace ClipHost.Engine.Experiments;

/// <summary>
/// The hash of a config's training-relevant parts, which guards a run folder: a resume with another config is refused.
/// Evaluations (and their cadence during training) may change without breaking a resume, and so may the precision: checkpoints are fp32 either way, so a
/// run can continue in the other precision.
/// </summary>
public static class ConfigHash
{
    public static string Of(ExperimentConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var training = config.Training with { Precision = Precision.Fp32, EvalEvery = null };
        var relevant = JsonSerializer.Serialize(new { config.Data, config.Model, config.Strategy, Training = training }, ExperimentJson.Options);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(relevant)));
    }
}
