using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ClipHost.Plugins.Strategies.Slip;

/// <summary>
/// SLIP's SimCLR projection head on the encoder's pooled features: Linear-BN-ReLU-Linear-BN-ReLU-Linear, named as
/// SLIP's image_mlp (layer1, bn1, layer2, bn2, layer3) so its weights map onto SLIP checkpoints.
/// </summary>
public sealed class SlipHead : nn.Module<Tensor, Tensor>
{
    private readonly Linear layer1;
    private readonly BatchNorm1d bn1;
    private readonly Linear layer2;
    private readonly BatchNorm1d bn2;
    private readonly Linear layer3;

    public SlipHead(int inputDim, int mlpDim, int outputDim)
        : base("image_mlp")
    {
        layer1 = nn.Linear(inputDim, mlpDim);
        bn1 = nn.BatchNorm1d(mlpDim);
        layer2 = nn.Linear(mlpDim, mlpDim);
        bn2 = nn.BatchNorm1d(mlpDim);
        layer3 = nn.Linear(mlpDim, outputDim);
        RegisterComponents();
    }

    /// <summary>Multiply-accumulates per image.</summary>
    public static long Macs(int inputDim, int mlpDim, int outputDim) => ((long)inputDim * mlpDim) + ((long)mlpDim * mlpDim) + ((long)mlpDim * outputDim);

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var h = nn.functional.relu(bn1.call(layer1.call(x)));
        h = nn.functional.relu(bn2.call(layer2.call(h)));
        return scope.MoveToOuter(layer3.call(h));
    }
}
