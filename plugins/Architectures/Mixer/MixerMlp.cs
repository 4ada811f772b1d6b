using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ClipHost.Plugins.Architectures.Mixer;

/// <summary>Linear-GELU-Linear, named as timm's Mlp (fc1, fc2).</summary>
public sealed class MixerMlp : nn.Module<Tensor, Tensor>
{
    private readonly Linear fc1;
    private readonly Linear fc2;

    public MixerMlp(string name, int features, int hidden)
        : base(name)
    {
        fc1 = nn.Linear(features, hidden);
        fc2 = nn.Linear(hidden, features);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        return scope.MoveToOuter(fc2.call(nn.functional.gelu(fc1.call(x))));
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            fc1.Dispose();
            fc2.Dispose();
        }
        base.Dispose(disposing);
    }
}
