namespace ClipHost.Engine.Experiments;

/// <summary>Numeric precision of training, evaluation and bench (JSON: "fp32", "bf16-mixed").</summary>
public enum Precision
{
    /// <summary>Everything in fp32.</summary>
    Fp32,

    /// <summary>Linear, convolution and attention in bf16; fp32 master weights, norms, softmax, loss and logit scale.</summary>
    Bf16Mixed,
}
