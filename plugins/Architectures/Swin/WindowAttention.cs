using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ClipHost.Plugins.Architectures.Swin;

/// <summary>
/// Multi-head self-attention inside each window (Liu et al. 2021, Sec. 3.2) with a learned relative position bias per
/// head, named as timm (qkv, proj, relative_position_bias_table). Takes windows [B * windows, window^2, C]; a shifted
/// block's mask is built once for its map size and kept, with the bias index, out of the state dict.
/// </summary>
public sealed class WindowAttention : nn.Module<Tensor, Tensor>
{
    private readonly Linear qkv;
    private readonly Linear proj;
    private readonly Parameter relative_position_bias_table;
    // Not readonly: _toEpilog replaces them when the module moves.
    private Tensor relative_position_index;
    private Tensor? attn_mask;
    private readonly int _heads;
    private readonly int _tokens;

    /// <param name="name">The module name.</param>
    /// <param name="width">Channels C.</param>
    /// <param name="heads">Attention heads; must divide <paramref name="width"/>.</param>
    /// <param name="window">Window side in tokens.</param>
    /// <param name="mask">The shifted windows' mask [windows, window^2, window^2] (owned from here on), or null for regular windows.</param>
    public WindowAttention(string name, int width, int heads, int window, Tensor? mask)
        : base(name)
    {
        if (width % heads != 0)
        {
            throw new ArgumentException($"width {width} is not divisible by heads {heads}", nameof(heads));
        }
        (_heads, _tokens) = (heads, window * window);
        qkv = SwinInit.Linear(width, 3 * width);
        proj = SwinInit.Linear(width, width);
        relative_position_bias_table = nn.Parameter(zeros(((2 * window) - 1) * ((2 * window) - 1), heads));
        SwinInit.TruncNormal(relative_position_bias_table);
        // Registered before RegisterComponents, which would otherwise take tensor fields as persistent buffers: both are
        // derived from the geometry, so a checkpoint need not carry them (timm leaves them out too).
        relative_position_index = WindowGeometry.RelativePositionIndex(window).DetachFromDisposeScope();
        register_buffer(nameof(relative_position_index), relative_position_index, persistent: false);
        attn_mask = mask?.DetachFromDisposeScope();
        if (attn_mask is not null)
        {
            register_buffer(nameof(attn_mask), attn_mask, persistent: false);
        }
        RegisterComponents();
    }

    /// <summary>QK^T and AV for <paramref name="tokens"/> tokens attending within windows of <paramref name="windowTokens"/>.</summary>
    public static long ScoreMacs(long tokens, int width, int windowTokens) => 2L * tokens * windowTokens * width;

    /// <param name="x">Windows [B * windows, window^2, C].</param>
    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var (windows, n, c) = (x.shape[0], x.shape[1], x.shape[2]);
        var qkvHeads = qkv.call(x).view(windows, n, 3, _heads, c / _heads).permute(2, 0, 3, 1, 4);
        using var scale = Math.Pow(c / _heads, -0.5).ToScalar();
        var scores = (qkvHeads[0] * scale).matmul(qkvHeads[1].transpose(-2, -1));
        var bias = relative_position_bias_table.index_select(0, relative_position_index.view(-1)).view(_tokens, _tokens, _heads).permute(2, 0, 1);
        scores = scores + bias.unsqueeze(0);
        if (attn_mask is not null)
        {
            // Windows come image by image, so the mask repeats over the batch.
            var perImage = attn_mask.shape[0];
            scores = (scores.view(windows / perImage, perImage, _heads, n, n) + attn_mask.unsqueeze(1)).view(windows, _heads, n, n);
        }
        var attended = scores.softmax(-1).matmul(qkvHeads[2]).transpose(1, 2).reshape(windows, n, c);
        return scope.MoveToOuter(proj.call(attended));
    }

    protected override void _toEpilog(ScalarType? dtype, Device? device, bool non_blocking)
    {
        base._toEpilog(dtype, device, non_blocking);
        // TorchSharp 0.107's named_buffers skips non-persistent buffers, so the base moves neither of these; and it
        // re-registers whatever buffers it does move as persistent. The index stays int64; the mask follows the dtype.
        relative_position_index = Moved(nameof(relative_position_index), relative_position_index, null, device);
        if (attn_mask is not null)
        {
            attn_mask = Moved(nameof(attn_mask), attn_mask, dtype, device);
        }
    }

    private Tensor Moved(string name, Tensor buffer, ScalarType? dtype, Device? device)
    {
        var (type, target) = (dtype ?? buffer.dtype, device ?? buffer.device);
        var moved = type == buffer.dtype && target.type == buffer.device_type && target.index == buffer.device_index
            ? buffer
            : buffer.to(type, target, disposeAfter: true).DetachFromDisposeScope();
        ConditionallyRegisterBuffer(name, moved, persistent: false);
        return moved;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            qkv.Dispose();
            proj.Dispose();
            relative_position_bias_table.Dispose();
            relative_position_index.Dispose();
            attn_mask?.Dispose();
        }
        base.Dispose(disposing);
    }
}
