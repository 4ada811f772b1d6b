using ClipHost.Abstractions.Architectures;
using ClipHost.Engine.Experiments;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ClipHost.Engine.Precision;

/// <summary>
/// Mixed precision without autocast (TorchSharp 0.107 has none), applied by the engine to every model and strategy
/// module so plugins need not know: each Linear and convolution gets bf16 compute weights, its input is cast to bf16
/// and its output back to fp32, so norms, softmax, residual sums, the loss and the logit scale stay fp32. The
/// optimiser updates fp32 master weights with fp32 gradients, and checkpoints are written from the masters, so they
/// are fp32 whatever the precision and a run can resume in the other precision. A module marked
/// <see cref="IKeepsFullPrecision"/> is left alone with everything inside it.
/// </summary>
public sealed class MixedPrecision
{
    private readonly List<(string Name, Parameter Compute, Parameter Master)> _pairs = [];
    private readonly Dictionary<string, Parameter> _masters = new(StringComparer.Ordinal);

    private MixedPrecision(Experiments.Precision precision) => Precision = precision;

    public Experiments.Precision Precision { get; }

    public static ScalarType ComputeType(Experiments.Precision precision) =>
        precision == Experiments.Precision.Bf16Mixed ? ScalarType.BFloat16 : ScalarType.Float32;

    /// <summary>Converts the matmul modules of each root (named as in its state dict, under the given prefix).</summary>
    public static MixedPrecision Apply(Experiments.Precision precision, IEnumerable<(string Prefix, nn.Module Root)> roots)
    {
        if (precision == Experiments.Precision.Auto)
        {
            throw new InvalidOperationException("precision auto is resolved before a model is built (PrecisionChooser); the caller passed it unresolved");
        }
        var policy = new MixedPrecision(precision);
        if (precision == Experiments.Precision.Fp32)
        {
            return policy;
        }
        var compute = ComputeType(precision);
        foreach (var (prefix, root) in roots)
        {
            var kept = root.named_modules().Where(m => m.module is IKeepsFullPrecision).Select(m => m.name).ToList();
            foreach (var (name, module) in root.named_modules())
            {
                if (module is not (Linear or Conv1d or Conv2d) || kept.Any(k => k.Length == 0 || name == k || name.StartsWith(k + ".", StringComparison.Ordinal)))
                {
                    continue;
                }
                var masters = module.named_parameters(recurse: false).ToDictionary(p => p.name, p => new Parameter(p.parameter.detach().clone()));
                module.to(compute);
                foreach (var (parameterName, parameter) in module.named_parameters(recurse: false))
                {
                    var fullName = $"{prefix}{(name.Length == 0 ? string.Empty : name + ".")}{parameterName}";
                    policy._pairs.Add((fullName, parameter, masters[parameterName]));
                    policy._masters[fullName] = masters[parameterName];
                }
                var typed = (nn.Module<Tensor, Tensor>)module;
                typed.register_forward_pre_hook((_, input) => input.dtype == compute ? input : input.to_type(compute));
                typed.register_forward_hook((_, _, output) => output.to_type(ScalarType.Float32));
            }
        }
        return policy;
    }

    /// <summary>The parameters the optimiser should own: masters in place of the converted ones, in the same order.</summary>
    public IEnumerable<(string Name, Parameter Parameter)> Trainable(IEnumerable<(string Name, Parameter Parameter)> parameters) =>
        parameters.Select(p => (p.Name, _masters.GetValueOrDefault(p.Name) ?? p.Parameter));

    /// <summary>fp32 values for the converted entries of a state dict (by full name), for checkpoints.</summary>
    public Tensor FullPrecision(string name, Tensor value) => _masters.GetValueOrDefault(name) ?? value;

    /// <summary>Clears the compute weights' gradients (the optimiser clears the masters').</summary>
    public void ZeroComputeGrads()
    {
        foreach (var (_, compute, _) in _pairs)
        {
            compute.grad?.zero_();
        }
    }

    /// <summary>Hands the bf16 gradients to the fp32 masters.</summary>
    public void AfterBackward()
    {
        foreach (var (_, compute, master) in _pairs)
        {
            if (compute.grad is not { } grad)
            {
                continue;
            }
            if (master.grad is null)
            {
                // TorchSharp has no gradient setter: a zero backward gives the master its gradient buffer once.
                using var zero = 0f.ToScalar();
                (master.sum() * zero).backward();
            }
            master.grad!.copy_(grad);
        }
    }

    /// <summary>Copies the updated masters into the compute weights.</summary>
    public void AfterStep()
    {
        using var _ = no_grad();
        foreach (var (_, compute, master) in _pairs)
        {
            compute.copy_(master);
        }
    }

    public int ConvertedParameters => _pairs.Count;
}
