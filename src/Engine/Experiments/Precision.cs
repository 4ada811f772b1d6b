using System.Text.Json.Serialization;

namespace ClipHost.Engine.Experiments;

/// <summary>Numeric precision of training, evaluation and bench (JSON: "auto", "fp32", "bf16-mixed", wherever it is written).</summary>
[JsonConverter(typeof(PrecisionJsonConverter))]
public enum Precision
{
    /// <summary>Everything in fp32.</summary>
    Fp32,

    /// <summary>Linear, convolution and attention in bf16; fp32 master weights, norms, softmax, loss and logit scale.</summary>
    Bf16Mixed,

    /// <summary>
    /// Whichever of the two trains this model faster on this machine, measured once per machine and model and cached
    /// (see Precision.PrecisionChooser); a run records what it chose and keeps it when it resumes.
    /// </summary>
    Auto,
}

/// <summary>Writes <see cref="Precision"/> by its config name in every file (compute.json, the precision cache), not as a number.</summary>
public sealed class PrecisionJsonConverter() : JsonStringEnumConverter<Precision>(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false);
