using System.Text.Json;
using ClipHost.Abstractions.Architectures;
using ClipHost.Abstractions.Options;
using ClipHost.Abstractions.Plugins;
using ClipHost.Abstractions.Strategies;
using ClipHost.Modules.Augmentation;

namespace ClipHost.Plugins.Strategies.Augment;

/// <summary>Builds CLIP + data augmentation; works with every encoder.</summary>
public sealed class AugmentStrategyFactory : PluginComponent<AugmentOptions>, ITrainingStrategyFactory
{
    public override string Id => "augment";

    public override Version Version => typeof(AugmentStrategyFactory).Assembly.GetName().Version!;

    public override string Description => "CLIP + data augmentation: a new augmented view per image at every draw (cropFlip, randAugment or stackedRandAugment), optional caption token deletion/swaps";

    public override PluginKind Kind => PluginKind.Strategy;

    public IReadOnlyList<OptionError> Validate(JsonElement? options, EncoderCapabilities encoder, string fieldPath) =>
        Validate(options, fieldPath);

    public ITrainingStrategy Create(JsonElement? options, StrategyContext context)
    {
        var valid = BindValid(options, "options");
        var pipeline = Pipeline(valid, context.ImageSize);
        return new AugmentStrategy(valid, context.ImageSize, pipeline.Apply);
    }

    /// <summary>The image pipeline of a policy at an image size.</summary>
    public static AugmentationPipeline Pipeline(AugmentOptions options, int imageSize) => options.Policy switch
    {
        AugmentPolicy.CropFlip => AugmentationPipeline.CropFlip(imageSize, options.MinScale, options.MaxScale),
        AugmentPolicy.RandAugment => AugmentationPipeline.RandAugment(imageSize, options.N, options.M, options.MinScale, options.MaxScale),
        _ => AugmentationPipeline.StackedRandAugment(imageSize, options.N, options.M, options.MinScale, options.MaxScale),
    };
}
