using ClipHost.Engine.Checkpoints;
using ClipHost.Engine.Data.Store;
using ClipHost.Engine.Experiments;
using ClipHost.Engine.Model;
using ClipHost.Engine.Paths;
using ClipHost.Engine.Precision;
using ClipHost.Engine.Text;
using Microsoft.Extensions.Logging;
using static TorchSharp.torch;

namespace ClipHost.Engine.Evaluation;

/// <summary>
/// Runs a checkpoint's evaluations and writes one CLIP_benchmark-shaped JSON file per (dataset, task) into the
/// output folder, named &lt;dataset&gt;_&lt;task&gt;.json, and a summary per distribution shift.
/// </summary>
public sealed class Evaluator(IComponentRegistry registry, ILogger<Evaluator>? logger = null)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Images the last <see cref="Evaluate"/> encoded (not answered from the feature cache).</summary>
    public int ImagesEncoded { get; private set; }

    public IReadOnlyList<EvalResult> Evaluate(EvaluationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var model = LoadModel(request);
        var precision = Resolve(request);
        MixedPrecision.Apply(precision, ModelFactory.Roots(model, null));
        var tokenizer = ClipTokenizer.Load(Path.Combine(request.Checkpoint, CheckpointStore.Tokenizer));
        var encoder = new EmbeddingEncoder(model, tokenizer, request.Device);
        // Every task encodes through one feature store: an image is encoded once per evaluation, and once per checkpoint
        // and store across evaluations (an untrained model has no checkpoint to key the disk cache by).
        var features = request.UntrainedSeed is null
            ? new ImageFeatures(encoder, $"{CheckpointHash.Of(request.Checkpoint)}{precision}".ToLowerInvariant(), new FeatureCache(Path.Combine(request.Layout.Scores, "features")))
            : new ImageFeatures(encoder, "untrained", null);
        Directory.CreateDirectory(request.OutputDirectory);

        var results = new List<EvalResult>();
        foreach (var evaluation in request.Evaluations)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // `eval --config` reaches here without the experiment validator: the store is a name, never a path.
            using var store = ClipStore.Open(request.Layout.Store(evaluation.Store, "evaluations.store"));
            var ids = Subset(evaluation.Samples.Select(store), evaluation.Limit);
            var result = evaluation.Task switch
            {
                "zeroshot_retrieval" => RunRetrieval(encoder, features, store, ids, tokenizer),
                ProbeTask.Name => ProbeTask.Run(features, store, evaluation, cancellationToken),
                FewShotTask.Name => FewShotTask.Run(features, store, evaluation, cancellationToken),
                _ => RunZeroShot(encoder, features, store, ids, evaluation, request.Layout, tokenizer),
            };
            result = result with { Dataset = evaluation.Name, Model = request.ModelName, Pretrained = request.UntrainedSeed is { } seed ? $"untrained (seed {seed})" : request.Checkpoint, Selection = $"{evaluation.Store}: {evaluation.Samples.Describe()}" };
            File.WriteAllText(Path.Combine(request.OutputDirectory, $"{Identifier.Require(evaluation.Name, "evaluations.name")}_{evaluation.Task}.json"), JsonSerializer.Serialize(result, Json));
            results.Add(result);
            if (result.Vocabulary is { UnknownWordRate: > 0 } coverage && logger is not null)
            {
                logger.UnknownWords(evaluation.Name, coverage.UnknownWordRate, coverage.Words, string.Join(", ", coverage.UnknownWords.Take(20)));
            }
        }
        DistributionShift.Write(request.Shifts, results, request.ModelName, request.OutputDirectory);
        ImagesEncoded = features.Encoded;
        return results;
    }

    /// <summary>`auto` evaluates in the precision the checkpoint was trained in (fp32 for an untrained model or an older checkpoint).</summary>
    private static Experiments.Precision Resolve(EvaluationRequest request) =>
        request.Precision != Experiments.Precision.Auto ? request.Precision
        : request.UntrainedSeed is null && File.Exists(Path.Combine(request.Checkpoint, CheckpointStore.State)) ? CheckpointStore.ReadState(request.Checkpoint).Precision?.Chosen ?? Experiments.Precision.Fp32
        : Experiments.Precision.Fp32;

    /// <summary>The checkpoint's model, or with an untrained seed its architecture freshly initialised (the baseline).</summary>
    private ClipModel LoadModel(EvaluationRequest request)
    {
        if (request.UntrainedSeed is not { } seed)
        {
            return CheckpointStore.LoadModel(request.Checkpoint, registry, request.Device);
        }
        var model = ModelFactory.Build(CheckpointStore.ReadModelConfig(request.Checkpoint), seed, registry);
        model.to(request.Device);
        model.eval();
        return model;
    }

    /// <summary>A seeded subset, kept in store order, so limited evaluations are repeatable.</summary>
    public static int[] Subset(int[] ids, int? limit)
    {
        if (limit is not { } n || n >= ids.Length)
        {
            return ids;
        }
        var shuffled = (int[])ids.Clone();
        new Random(0).Shuffle(shuffled);
        return [.. shuffled.Take(n).Order()];
    }

    private static EvalResult RunZeroShot(EmbeddingEncoder encoder, ImageFeatures features, ClipStore store, int[] ids, EvaluationConfig evaluation, DataLayout layout, ClipTokenizer tokenizer)
    {
        var set = evaluation.Labels!;
        var labelled = ids.Where(i => store.Samples[i].Labels.ContainsKey(set)).ToArray();
        var classes = store.Manifest.LabelSets[set];
        var labels = labelled.Select(i => (long)store.LabelIndex(set, store.Samples[i].Labels[set])).ToArray();
        var (prompts, errors) = ZeroShotPrompts.Resolve(evaluation, classes, layout, "evaluations");
        prompts = prompts ?? throw new ClipHost.Abstractions.Options.OptionsValidationFailedException(errors);
        using var images = features.Of(store, labelled);
        using var classEmbeddings = ZeroShotClassifier.ClassEmbeddings(encoder, prompts.ClassNames, prompts.Templates);
        var metrics = ZeroShotClassifier.Score(images, classEmbeddings, labels);
        return new EvalResult
        {
            Dataset = string.Empty,
            Model = string.Empty,
            Pretrained = string.Empty,
            Selection = string.Empty,
            Task = "zeroshot_classification",
            Metrics = metrics,
            Chance = ClassificationChance.Of(classes.Count, labels: labels),
            Samples = labelled.Length,
            Classes = classes.Count,
            Vocabulary = VocabularyCoverage.OfPrompts(tokenizer, prompts.ClassNames, prompts.Templates),
        };
    }

    private static EvalResult RunRetrieval(EmbeddingEncoder encoder, ImageFeatures features, ClipStore store, int[] ids, ClipTokenizer tokenizer)
    {
        // A text is identified by its group and wording: an image's one correct text is its own caption, and a
        // caption's correct images are every image that carries it (one emoji drawn in several styles).
        var imageGroups = ids.Select(i => $"{store.Samples[i].Group}\n{store.Samples[i].Captions[0]}").ToList();
        var textGroups = imageGroups.Distinct().ToList();
        using var images = features.Of(store, ids);
        var captions = textGroups.Select(t => t[(t.IndexOf('\n', StringComparison.Ordinal) + 1)..]).ToList();
        using var textEmbeddings = encoder.Texts(captions);
        var metrics = Retrieval.Score(images, imageGroups, textEmbeddings, textGroups);
        var chance = new Dictionary<string, double>();
        foreach (var k in Retrieval.Ks)
        {
            chance[$"text_retrieval_recall@{k}"] = Retrieval.Chance(imageGroups, textGroups, k);
            chance[$"image_retrieval_recall@{k}"] = Retrieval.Chance(textGroups, imageGroups, k);
        }
        return new EvalResult
        {
            Dataset = string.Empty,
            Model = string.Empty,
            Pretrained = string.Empty,
            Selection = string.Empty,
            Task = "zeroshot_retrieval",
            Metrics = metrics,
            Chance = chance,
            Samples = ids.Length,
            Vocabulary = VocabularyCoverage.Of(tokenizer, captions),
        };
    }
}
