using System.Diagnostics;
using ClipHost.Engine.Experiments;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ClipHost.Engine.Precision;

/// <summary>
/// Mixed precision without autocast (TorchSharp 0.107 has none), applied by the engine to every model and strategy
/// module so plugins need not know. The parts of a model that LibTorch computes soundly in bf16 (<see cref="Bf16Regions"/>:
/// a whole stack of transformer blocks, or a lone Linear or convolution) run in bf16 with bf16 matmul weights, entered
/// with one cast to bf16 and left with one cast back to fp32; the embeddings, the norms outside the blocks, the loss and
/// the logit scale stay fp32. The optimiser updates fp32 master weights with fp32 gradients, and checkpoints are written
/// from the masters, so they are fp32 whatever the precision and a run can resume in the other precision. A module
/// marked <see cref="ClipHost.Abstractions.Architectures.IKeepsFullPrecision"/> is left alone with everything inside it.
/// </summary>
public sealed class MixedPrecision
{
    private readonly List<(string Name, Parameter Compute, Parameter Master)> _pairs = [];
    private readonly Dictionary<string, Parameter> _masters = new(StringComparer.Ordinal);
    private readonly List<string> _regions = [];
    private long _casts;
    private long _castTicks;

    private MixedPrecision(Experiments.Precision precision) => Precision = precision;

    public Experiments.Precision Precision { get; }

    public static ScalarType ComputeType(Experiments.Precision precision) =>
        precision == Experiments.Precision.Bf16Mixed ? ScalarType.BFloat16 : ScalarType.Float32;

    /// <summary>
    /// Converts each root's bf16 regions (<see cref="Bf16Regions"/>): the matmul weights inside get bf16 compute copies
    /// beside fp32 masters (named as in the state dict, under the given prefix), and each region casts its input to bf16
    /// once and its output back to fp32 once.
    /// </summary>
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
            foreach (var (name, region) in Bf16Regions.Find(root))
            {
                var regionName = name.Length == 0 ? prefix.TrimEnd('.') : $"{prefix}{name}";
                // named_modules() leaves out the module itself, which is the whole region when it is a lone Linear.
                foreach (var (inner, module) in region.named_modules().Prepend((string.Empty, region)).Where(m => Bf16Regions.IsMatmul(m.module)))
                {
                    policy.Convert(Join(regionName, inner), module, compute);
                }
                region.register_forward_pre_hook((_, input) => policy.Cast(input, compute));
                region.register_forward_hook((_, _, output) => policy.Cast(output, ScalarType.Float32));
                policy._regions.Add(regionName);
            }
        }
        return policy;
    }

    /// <summary>The modules computed in bf16, each entered and left with one cast, by state-dict name.</summary>
    public IReadOnlyList<string> Regions => _regions;

    /// <summary>Activation casts made at region boundaries so far (a cast to the dtype a tensor has is none).</summary>
    public long Casts => _casts;

    /// <summary>Time spent in those casts so far, for the bench's profile.</summary>
    public TimeSpan CastTime => Stopwatch.GetElapsedTime(0, _castTicks);

    private void Convert(string name, nn.Module module, ScalarType compute)
    {
        var masters = module.named_parameters(recurse: false).ToDictionary(p => p.name, p => new Parameter(p.parameter.detach().clone()));
        module.to(compute);
        foreach (var (parameterName, parameter) in module.named_parameters(recurse: false))
        {
            var fullName = Join(name, parameterName);
            _pairs.Add((fullName, parameter, masters[parameterName]));
            _masters[fullName] = masters[parameterName];
        }
    }

    private Tensor Cast(Tensor tensor, ScalarType dtype)
    {
        if (tensor.dtype == dtype || !tensor.is_floating_point())
        {
            return tensor;
        }
        var start = Stopwatch.GetTimestamp();
        var cast = tensor.to_type(dtype);
        _castTicks += Stopwatch.GetTimestamp() - start;
        _casts++;
        return cast;
    }

    private static string Join(string prefix, string name) => prefix.Length == 0 ? name : name.Length == 0 ? prefix : $"{prefix}.{name}";

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
