using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ClipHost.Engine.Training;

/// <summary>
/// Splits parameters as open_clip's training script does: weight decay on every matrix and kernel, the token and
/// positional embeddings included; none on biases, norm gains, the class embedding (all of dimension below 2), the
/// logit scale, nor on Swin's relative position bias tables (a bias by name, which open_clip and timm exempt).
/// </summary>
public static class ParameterGroups
{
    public static (List<Parameter> Decay, List<Parameter> NoDecay) Split(IEnumerable<(string Name, Parameter Parameter)> parameters)
    {
        var decay = new List<Parameter>();
        var noDecay = new List<Parameter>();
        foreach (var (name, p) in parameters)
        {
            if (!p.requires_grad)
            {
                continue;
            }
            var exempt = p.dim() < 2
                || name.EndsWith("relative_position_bias_table", StringComparison.Ordinal)
                || name.EndsWith("logit_scale", StringComparison.Ordinal);
            (exempt ? noDecay : decay).Add(p);
        }
        return (decay, noDecay);
    }
}
