using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ClipHost.Engine.Training;

/// <summary>
/// Splits parameters as CLIP and open_clip do: weight decay on matrices and kernels only; none on biases, norm
/// gains, embeddings and the logit scale, nor on Swin's relative position bias tables (a bias by another name, which
/// timm exempts too).
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
                || name.Contains("embedding", StringComparison.Ordinal)
                || name.EndsWith("relative_position_bias_table", StringComparison.Ordinal)
                || name.EndsWith("logit_scale", StringComparison.Ordinal);
            (exempt ? noDecay : decay).Add(p);
        }
        return (decay, noDecay);
    }
}
