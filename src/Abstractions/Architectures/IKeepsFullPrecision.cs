namespace ClipHost.Abstractions.Architectures;

/// <summary>
/// Marks a module (and everything inside it) that mixed precision must leave in fp32, for a plugin whose numerics
/// need it. Every other Linear and convolution of a model is computed in bf16 under bf16-mixed by the engine.
/// </summary>
public interface IKeepsFullPrecision
{
}
