using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ClipHost.Plugins.Architectures.Swin;

/// <summary>
/// One Swin block (Liu et al. 2021, Fig. 3b): pre-norm window attention, regular or shifted by half a window, then a
/// pre-norm GELU MLP; both residual with stochastic depth. Named as timm (norm1, attn, norm2, mlp.fc1, mlp.fc2).
/// </summary>
public sealed class SwinBlock : nn.Module<Tensor, Tensor>
{
    private readonly LayerNorm norm1;
    private readonly WindowAttention attn;
    private readonly LayerNorm norm2;
    private readonly Sequential mlp;
    private readonly int _window;
    private readonly int _shift;
    private readonly double _dropPath;

    /// <param name="name">The module name.</param>
    /// <param name="side">Side of the square feature map the block will see.</param>
    /// <param name="width">Channels C.</param>
    /// <param name="heads">Attention heads.</param>
    /// <param name="window">Window side; must divide <paramref name="side"/>.</param>
    /// <param name="shift">0 for regular windows, else the roll (half a window).</param>
    /// <param name="hidden">Hidden width of the MLP.</param>
    /// <param name="dropPath">Probability of dropping both residual branches of a sample while training.</param>
    public SwinBlock(string name, int side, int width, int heads, int window, int shift, int hidden, double dropPath)
        : base(name)
    {
        if (side % window != 0)
        {
            throw new ArgumentException($"window {window} does not divide the {side}x{side} map", nameof(window));
        }
        (_window, _shift, _dropPath) = (window, shift, dropPath);
        norm1 = nn.LayerNorm(width);
        attn = new WindowAttention("attn", width, heads, window, shift > 0 ? WindowGeometry.ShiftMask(side, window, shift) : null);
        norm2 = nn.LayerNorm(width);
        mlp = nn.Sequential(("fc1", SwinInit.Linear(width, hidden)), ("act", nn.GELU()), ("fc2", SwinInit.Linear(hidden, width)));
        RegisterComponents();
    }

    /// <summary>Multiply-accumulates on <paramref name="tokens"/> tokens: qkv and proj (4C^2), QK^T and AV in the window, the MLP.</summary>
    public static long Macs(long tokens, int width, int window, int hidden) =>
        (tokens * 4L * width * width) + WindowAttention.ScoreMacs(tokens, width, window * window) + (tokens * 2L * width * hidden);

    /// <param name="x">Feature map [B, H, W, C].</param>
    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var (height, width) = (x.shape[1], x.shape[2]);
        var y = norm1.call(x);
        if (_shift > 0)
        {
            y = y.roll([-_shift, -_shift], [1, 2]);
        }
        y = WindowGeometry.Reverse(attn.call(WindowGeometry.Partition(y, _window)), _window, height, width);
        if (_shift > 0)
        {
            y = y.roll([_shift, _shift], [1, 2]);
        }
        x = x + DropPath(y);
        return scope.MoveToOuter(x + DropPath(mlp.call(norm2.call(x))));
    }

    /// <summary>Per-sample stochastic depth, rescaled so the expectation is unchanged.</summary>
    private Tensor DropPath(Tensor branch)
    {
        if (!training || _dropPath == 0)
        {
            return branch;
        }
        using var keep = (1 - _dropPath).ToScalar();
        var mask = rand([branch.shape[0], 1, 1, 1], device: branch.device).lt(keep).to_type(branch.dtype).div_(keep);
        return branch * mask;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            norm1.Dispose();
            attn.Dispose();
            norm2.Dispose();
            mlp.Dispose();
        }
        base.Dispose(disposing);
    }
}
