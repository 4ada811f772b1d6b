using TorchSharp;
using ClipHost.Abstractions.Strategies;
using ClipHost.Modules;
using static TorchSharp.torch;

namespace ClipHost.Plugins.Strategies.Slip;

/// <summary>
/// SLIP (Mu et al. 2021): CLIP's loss plus sslScale times SimCLR's NT-Xent over two augmented views of each image,
/// both through the same image encoder (pooled features, before the CLIP projection) and SLIP's 3-layer head.
/// Each step really runs the encoder on three views, and reports them so, rather than the paper's 2x constant.
/// </summary>
public sealed class SlipStrategy : ITrainingStrategy
{
    private readonly SlipOptions _options;
    private readonly int _imageSize;
    private readonly Func<Tensor, Generator, Tensor> _views;
    private readonly SlipHead _head;
    private readonly long _headMacs;

    /// <param name="options">Valid options.</param>
    /// <param name="featureDim">Width of the encoder's pooled features.</param>
    /// <param name="imageSize">Training image side.</param>
    /// <param name="views">Makes one normalised augmented view [B, 3, S, S] of raw uint8 images [B, H, W, 3], drawing from the generator.</param>
    public SlipStrategy(SlipOptions options, int featureDim, int imageSize, Func<Tensor, Generator, Tensor> views)
    {
        _options = options;
        _imageSize = imageSize;
        _views = views;
        var mlp = SlipHeadSize.Mlp(featureDim, options.MlpDim);
        var embed = SlipHeadSize.Embed(featureDim, options.EmbedDim);
        _head = new SlipHead(featureDim, mlp, embed);
        _headMacs = SlipHead.Macs(featureDim, mlp, embed);
    }

    public nn.Module? ExtraModule => _head;

    public StepResult ComputeLoss(ClipBatch batch, IClipModel model, StepContext context)
    {
        var clip = ContrastiveLoss.Symmetric(model.ProjectImage(model.Visual.call(batch.Images)), model.EncodeText(batch.Tokens), model.LogitScale);
        if (!context.Training || _options.SslScale == 0)
        {
            return new StepResult(clip, new Dictionary<string, double>(), [new ImagePass(batch.Count, _imageSize)]);
        }

        // Both views in one encoder call: one kernel launch per layer instead of two, and BatchNorm encoders see the
        // two views' statistics together, as SimCLR's global BatchNorm intends.
        var a = _views(batch.RawImages, context.Generator);
        var b = _views(batch.RawImages, context.Generator);
        var embedded = _head.call(model.Visual.call(cat([a, b], 0)));
        var halves = embedded.chunk(2, 0);
        var (ssl, accuracy) = SimClrLoss.NtXent(halves[0], halves[1], _options.Temperature);
        using var scale = _options.SslScale.ToScalar();
        var loss = clip + (ssl * scale);
        var components = new Dictionary<string, double>
        {
            ["clip"] = clip.item<float>(),
            ["ssl"] = ssl.item<float>(),
            ["sslAccuracy"] = accuracy,
        };
        return new StepResult(loss, components, PlanPasses(batch.Count, context.Step, context.TotalSteps));
    }

    /// <summary>
    /// The projected view for CLIP's loss, then (with a SimCLR term) both augmented views through the encoder and the
    /// head, unprojected.
    /// </summary>
    public IReadOnlyList<ImagePass> PlanPasses(int images, long stepIndex, long totalSteps) => _options.SslScale == 0
        ? [new ImagePass(images, _imageSize)]
        : [new ImagePass(images, _imageSize), new ImagePass(2 * images, _imageSize) { Projected = false, HeadMacsPerImage = _headMacs }];

    public void Dispose() => _head.Dispose();
}
