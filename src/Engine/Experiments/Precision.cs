namespace ClipHost.Engine.Experiments;

/// <summary>Numeric precision of training and evaluation. Mixed precision (bf16-mixed, fp16-mixed) comes later.</summary>
public enum Precision
{
    Fp32,
}
