using ClipHost.Abstractions.Architectures;
using ClipHost.Abstractions.Strategies;
using ClipHost.Engine.Checkpoints;
using ClipHost.Engine.Experiments;
using ClipHost.Engine.Interop;
using ClipHost.Engine.Model;
using ClipHost.Engine.Precision;
using ClipHost.Engine.Text;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ClipHost.Engine.Training;

/// <summary>
/// What a training step needs, assembled from the plugins for a model, a strategy and a training config on a device: the
/// seeded model, the strategy (and its own modules), the precision policy and AdamW over both; and the step itself. The
/// trainer and the benchmark train through the same session, so the bench measures what a run does. Disposable.
/// </summary>
public sealed class TrainingSession : IDisposable
{
    private TrainingSession(ClipModel model, ITrainingStrategy strategy, MixedPrecision precision, OptimizerHelper optimizer, Device device)
    {
        Model = model;
        Strategy = strategy;
        Precision = precision;
        Optimizer = optimizer;
        Device = device;
    }

    /// <summary>The name <see cref="Step"/> gives the end of the forward pass and the loss.</summary>
    public const string ForwardPhase = "forward";

    public ClipModel Model { get; }

    public ITrainingStrategy Strategy { get; }

    public MixedPrecision Precision { get; }

    public OptimizerHelper Optimizer { get; }

    public Device Device { get; }

    /// <summary>Forward multiply-adds of one caption: the text tower and its projection.</summary>
    public long TextMacsPerSample => TextMacs(Model);

    /// <summary>Forward GFLOPs of one full image view: the image tower at the model's size and its projection.</summary>
    public double ImageForwardGflopsPerView =>
        2 * (Model.Visual.ForwardMacs(Model.Config.Vision.ImageSize) + ((long)Model.Visual.FeatureDim * Model.Config.EmbedDim)) / 1e9;

    public double TextForwardGflopsPerSample => 2 * TextMacsPerSample / 1e9;

    public long ImageParameters => Count(Model.Visual) + Count(Model, "visual_projection");

    public long TextParameters => Count(Model.Text) + Count(Model, "text_projection");

    /// <summary>
    /// Builds the session; with <paramref name="resumeFrom"/> (a checkpoint folder) the weights and optimiser moments
    /// continue from it; a new run with <paramref name="init"/> starts from those weights instead of its seed (model.init),
    /// and the towers model.init freezes are frozen on every attempt. The order of the draws (model under the seed, then the strategy's modules) and of the loads
    /// (weights before the precision policy, so the fp32 masters start from the exact fp32 values) is part of resuming exactly.
    /// </summary>
    public static TrainingSession Create(IComponentRegistry registry, ClipModelConfig model, StrategyConfig strategy, TrainingConfig training, Device device, string? resumeFrom = null, ModelInitSource? init = null)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(strategy);
        ArgumentNullException.ThrowIfNull(training);
        var clip = ModelFactory.Build(model, training.Seed, registry);
        ITrainingStrategy? built = null;
        OptimizerHelper? optimizer = null;
        try
        {
            built = BuildStrategy(registry, model, strategy, clip, training.Seed, device);
            clip.to(device);
            built.ExtraModule?.to(device);
            if (resumeFrom is not null)
            {
                CheckpointStore.LoadWeights(Path.Combine(resumeFrom, CheckpointStore.Weights), clip, built.ExtraModule);
            }
            else if (init is not null)
            {
                ModelInit.Apply(init, clip);
            }
            var precision = MixedPrecision.Apply(training.Precision, ModelFactory.Roots(clip, built.ExtraModule));
            ModelInit.Freeze(model.Init, clip);
            // A frozen tower's parameters get no optimiser state and no weight decay: they stay exactly as loaded.
            var trainable = ModelFactory.NamedParameters(clip, built.ExtraModule).Where(p => model.Init?.Freezes(p.Name) != true);
            optimizer = ClipOptimizer.Create(precision.Trainable(trainable), training);
            if (resumeFrom is not null)
            {
                optimizer.load_state_dict(Path.Combine(resumeFrom, CheckpointStore.Optimizer));
            }
            return new TrainingSession(clip, built, precision, optimizer, device);
        }
        catch
        {
            optimizer?.Dispose();
            built?.Dispose();
            clip.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Prices the steps of a run before any session exists (the validator's check of a budget in GFLOPs): the model and
    /// the strategy are built on the CPU, without an optimiser, and disposed after <paramref name="price"/>.
    /// </summary>
    public static T Priced<T>(IComponentRegistry registry, ClipModelConfig model, StrategyConfig strategy, TrainingConfig training, Func<StepCost, T> price)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(price);
        using var clip = ModelFactory.Build(model, training.Seed, registry);
        using var built = BuildStrategy(registry, model, strategy, clip, training.Seed, CPU);
        return price(new StepCost(built, clip.Visual, model.EmbedDim, TextMacs(clip), training.BatchSize, model.Vision.ImageSize));
    }

    /// <summary>What this session's steps cost at a batch size.</summary>
    public StepCost StepCost(int batch) => new(Strategy, Model.Visual, Model.Config.EmbedDim, TextMacsPerSample, batch, Model.Config.Vision.ImageSize);

    public void SetLearningRate(double learningRate)
    {
        foreach (var group in Optimizer.ParamGroups)
        {
            group.LearningRate = learningRate;
        }
    }

    /// <summary>One optimiser step on a batch; call inside a dispose scope (the loss lives in it).</summary>
    /// <param name="phaseEnded">Hears each phase's name as it ends ("forward", then the optimiser's), for the bench's profile.</param>
    public StepResult Step(ClipBatch batch, StepContext context, Action<string>? phaseEnded = null)
    {
        var result = Strategy.ComputeLoss(batch, Model, context);
        phaseEnded?.Invoke(ForwardPhase);
        ClipOptimizer.Step(Optimizer, result.Loss, Model, Precision, phaseEnded);
        return result;
    }

    /// <summary>Forward multiply-adds of the image passes a step made (extra views, masked passes, heads).</summary>
    public long ImageMacs(IEnumerable<ImagePass> passes) => ImagePassCompute.Macs(passes, Model.Visual, Model.Config.EmbedDim);

    /// <summary>Writes a checkpoint of the session (fp32 weights, optimiser state) with the tokenizer and the run's state.</summary>
    public string Save(CheckpointStore checkpoints, ClipTokenizer tokenizer, TrainingState state)
    {
        ArgumentNullException.ThrowIfNull(checkpoints);
        return checkpoints.Save(Model, Strategy.ExtraModule, Precision, tokenizer, Optimizer, state);
    }

    public void Dispose()
    {
        Optimizer.Dispose();
        Strategy.Dispose();
        Model.Dispose();
    }

    private static ITrainingStrategy BuildStrategy(IComponentRegistry registry, ClipModelConfig model, StrategyConfig strategy, ClipModel clip, long seed, Device device)
    {
        var factory = registry.FindStrategy(strategy.Id) ?? throw new InvalidOperationException($"the {strategy.Id} strategy plugin is not loaded");
        var capabilities = registry.FindEncoder(model.Vision.Architecture)!.Describe(model.Vision.Options, new ImageEncoderContext(model.Vision.ImageSize, 3, seed));
        return factory.Create(strategy.Options, new StrategyContext(capabilities, clip.Visual.FeatureDim, model.Vision.ImageSize, device, seed, NoServices.Instance));
    }

    private static long TextMacs(ClipModel model) => model.Text.ForwardMacs() + ((long)model.Config.Text.Width * model.Config.EmbedDim);

    private static long Count(nn.Module module) => module.parameters().Sum(p => p.numel());

    private static long Count(nn.Module module, string prefix) =>
        module.named_parameters().Where(p => p.name.StartsWith(prefix, StringComparison.Ordinal)).Sum(p => p.parameter.numel());
}
