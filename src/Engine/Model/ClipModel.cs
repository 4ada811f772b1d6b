using ClipHost.Abstractions.Architectures;
using ClipHost.Abstractions.Strategies;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ClipHost.Engine.Model;

/// <summary>
/// The two towers and the temperature: visual (an architecture plugin's encoder), visual_projection, text,
/// text_projection and logit_scale, initialised at ln(1/0.07) as in CLIP; the projections and the text tower are
/// initialised as open_clip does.
/// </summary>
public sealed class ClipModel : nn.Module<Tensor, Tensor, (Tensor Image, Tensor Text)>, IClipModel
{
    public static readonly double InitialLogitScale = Math.Log(1 / 0.07);
    public static readonly double MaxLogitScale = Math.Log(100);

    private readonly ImageEncoder visual;
    private readonly Linear visual_projection;
    private readonly TextTransformer text;
    private readonly Linear text_projection;
    private readonly Parameter logit_scale;

    public ClipModel(ClipModelConfig config, ImageEncoder encoder)
        : base("clip")
    {
        Config = config;
        visual = encoder;
        visual_projection = nn.Linear(encoder.FeatureDim, config.EmbedDim, hasBias: false);
        text = new TextTransformer("text", config.Text);
        text_projection = nn.Linear(config.Text.Width, config.EmbedDim, hasBias: false);
        logit_scale = nn.Parameter(tensor((float)InitialLogitScale));
        using (no_grad())
        {
            // open_clip draws both projections from N(0, width^-1/2), so an embedding starts with about unit
            // variance per dimension; nn.Linear's default uniform would start it sqrt(3) smaller.
            nn.init.normal_(visual_projection.weight!, std: Math.Pow(encoder.FeatureDim, -0.5));
            nn.init.normal_(text_projection.weight!, std: Math.Pow(config.Text.Width, -0.5));
        }
        RegisterComponents();
    }

    public ClipModelConfig Config { get; }

    public ImageEncoder Visual => visual;

    public TextTransformer Text => text;

    public int EmbedDim => Config.EmbedDim;

    public Tensor LogitScale => logit_scale;

    public Tensor ProjectImage(Tensor features) => visual_projection.call(features);

    public Tensor EncodeImage(Tensor images)
    {
        using var scope = NewDisposeScope();
        return scope.MoveToOuter(visual_projection.call(visual.call(images)));
    }

    public Tensor EncodeText(Tensor tokens)
    {
        using var scope = NewDisposeScope();
        return scope.MoveToOuter(text_projection.call(text.call(tokens)));
    }

    public override (Tensor Image, Tensor Text) forward(Tensor images, Tensor tokens) => (EncodeImage(images), EncodeText(tokens));

    /// <summary>
    /// Towers whose weights model.init froze: they stay in eval mode while the model trains (no dropout, BatchNorm
    /// statistics fixed), as LiT locks its pretrained image tower.
    /// </summary>
    public IReadOnlyList<string> FrozenTowers { get; set; } = [];

    public override void train(bool train = true)
    {
        base.train(train);
        if (!train)
        {
            return;
        }
        if (FrozenTowers.Contains("visual"))
        {
            visual.eval();
        }
        if (FrozenTowers.Contains("text"))
        {
            text.eval();
        }
    }

    /// <summary>Keeps the temperature in CLIP's range after each optimiser step.</summary>
    public void ClampLogitScale()
    {
        using var _ = no_grad();
        // Explicit Scalars, alive until the call returns: implicit ones are freed by finalisers (see ClipOptimizer).
        using var low = 0.0.ToScalar();
        using var high = MaxLogitScale.ToScalar();
        logit_scale.clamp_(low, high);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            visual.Dispose();
            visual_projection.Dispose();
            text.Dispose();
            text_projection.Dispose();
            logit_scale.Dispose();
        }
        base.Dispose(disposing);
    }
}
