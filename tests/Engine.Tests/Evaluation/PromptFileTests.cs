using ClipHost.Engine.Evaluation;
using ClipHost.Engine.Experiments;
using ClipHost.Engine.Paths;
using ClipHost.Engine.Tests.TestSupport;

namespace ClipHost.Engine.Tests.Evaluation;

/// <summary>Class names and templates from files in CLIP_benchmark's layouts and from the config, and the refusals of bad ones.</summary>
public sealed class PromptFileTests : IDisposable
{
    private static readonly string[] Labels = ["Ankle boot", "Bag", "T-shirt/top"];
    private readonly TempDir _dir = new();
    private readonly DataLayout _layout;

    public PromptFileTests() => _layout = TestLayout.Of(_dir.Combine("data", "stores"), _dir.Combine("runs")) with { Prompts = _dir.Combine("data", "prompts") };

    public void Dispose() => _dir.Dispose();

    private (ZeroShotPrompts? Prompts, IReadOnlyList<ClipHost.Abstractions.Options.OptionError> Errors) Resolve(EvaluationConfig e) =>
        ZeroShotPrompts.Resolve(e with { Name = "fm", Store = "fashion-mnist", Labels = "class" }, Labels, _layout, "evaluations[0]");

    [Fact]
    public void Resolve_WithoutNames_EachLabelStandsForItself()
    {
        var (prompts, errors) = Resolve(new EvaluationConfig { TemplateSet = "photo" });

        Assert.Empty(errors);
        Assert.Equal(["ankle boot", "bag", "t shirt top"], prompts!.ClassNames);
        Assert.Equal(PromptTemplates.Sets["photo"], prompts.Templates);
    }

    [Fact]
    public void Resolve_ClipBenchmarkFilesKeyedByDataset_GiveNamesAndTemplates()
    {
        _dir.Write("data/prompts/en_classnames.json", """{"cifar10": ["airplane"], "fashion-mnist": ["ankle boot", "bag", "t-shirt"]}""");
        _dir.Write("data/prompts/en_zeroshot_classification_templates.json", """{"fashion-mnist": ["a photo of a {c}.", "a {c}."]}""");

        var (prompts, errors) = Resolve(new EvaluationConfig
        {
            ClassNamesFile = new PromptFile { Path = "en_classnames.json", Key = "fashion-mnist" },
            TemplatesFile = new PromptFile { Path = "en_zeroshot_classification_templates.json", Key = "fashion-mnist" },
        });

        Assert.Empty(errors);
        Assert.Equal(["ankle boot", "bag", "t-shirt"], prompts!.ClassNames);
        Assert.Equal(["a photo of a {c}.", "a {c}."], prompts.Templates);
    }

    [Fact]
    public void Resolve_ListFilesAndTextFilesAndInlineMaps_AllName()
    {
        _dir.Write("data/prompts/fm/classnames.txt", "boot\n\n  handbag \nshirt\n");
        _dir.Write("data/prompts/fm/zeroshot_classification_templates.txt", "a photo of a {c}.\n");
        _dir.Write("data/prompts/fm.json", """["boot", "handbag", "shirt"]""");
        _dir.Write("data/prompts/map.json", """{"Bag": "purse"}""");

        var fromText = Resolve(new EvaluationConfig { ClassNamesFile = new() { Path = "fm/classnames.txt" }, TemplatesFile = new() { Path = "fm/zeroshot_classification_templates.txt" } });
        var fromList = Resolve(new EvaluationConfig { ClassNamesFile = new() { Path = "fm.json" }, ClassNames = new() { ByLabel = new Dictionary<string, string> { ["T-shirt/top"] = "tee" } } });
        var fromMap = Resolve(new EvaluationConfig { ClassNamesFile = new() { Path = "map.json" } });
        var inlineList = Resolve(new EvaluationConfig { ClassNames = new() { InLabelOrder = ["a", "b", "c"] } });

        Assert.Equal(["boot", "handbag", "shirt"], fromText.Prompts!.ClassNames);
        Assert.Equal(["a photo of a {c}."], fromText.Prompts.Templates);
        Assert.Equal(["boot", "handbag", "tee"], fromList.Prompts!.ClassNames);
        Assert.Equal(["ankle boot", "purse", "t shirt top"], fromMap.Prompts!.ClassNames);
        Assert.Equal(["a", "b", "c"], inlineList.Prompts!.ClassNames);
    }

    [Theory]
    [InlineData("missing", "evaluations[0].classNamesFile", "does not exist")]
    [InlineData("escape", "evaluations[0].classNamesFile", "lies outside")]
    [InlineData("length", "evaluations[0].classNamesFile", "2 names for the 3 labels of label set 'class' of store 'fashion-mnist'")]
    [InlineData("inline-length", "evaluations[0].classNames", "4 names for the 3 labels")]
    [InlineData("unknown-label", "evaluations[0].classNames", "'Sock' is not a label of label set 'class'")]
    [InlineData("no-key", "evaluations[0].classNamesFile", "is keyed by dataset name; give the key, one of cifar10")]
    [InlineData("wrong-key", "evaluations[0].classNamesFile", "has no key 'mnist'; it has cifar10")]
    [InlineData("too-large", "evaluations[0].classNamesFile", "over the limit of 4194304")]
    [InlineData("not-json", "evaluations[0].classNamesFile", "is not JSON")]
    [InlineData("template-without-c", "evaluations[0].templatesFile", "template 'a photo' has no {c}")]
    [InlineData("templates-twice", "evaluations[0].templatesFile", "templates are given twice")]
    public void Resolve_BadNamesOrFiles_AreRefusedNamingTheField(string fault, string field, string message)
    {
        _dir.Write("data/prompts/short.json", """["boot", "bag"]""");
        _dir.Write("data/prompts/keyed.json", """{"cifar10": ["airplane"]}""");
        _dir.Write("data/prompts/big.json", new byte[(int)PromptFileReader.MaxBytes + 1]);
        _dir.Write("data/prompts/broken.json", "[\"boot\",");
        _dir.Write("data/prompts/t.txt", "a photo\n");
        _dir.Write("data/secret.json", """["a", "b", "c"]""");
        var e = fault switch
        {
            "missing" => new EvaluationConfig { ClassNamesFile = new() { Path = "nope.json" } },
            "escape" => new EvaluationConfig { ClassNamesFile = new() { Path = "../secret.json" } },
            "length" => new EvaluationConfig { ClassNamesFile = new() { Path = "short.json" } },
            "inline-length" => new EvaluationConfig { ClassNames = new() { InLabelOrder = ["a", "b", "c", "d"] } },
            "unknown-label" => new EvaluationConfig { ClassNames = new() { ByLabel = new Dictionary<string, string> { ["Sock"] = "sock" } } },
            "no-key" => new EvaluationConfig { ClassNamesFile = new() { Path = "keyed.json" } },
            "wrong-key" => new EvaluationConfig { ClassNamesFile = new() { Path = "keyed.json", Key = "mnist" } },
            "too-large" => new EvaluationConfig { ClassNamesFile = new() { Path = "big.json" } },
            "not-json" => new EvaluationConfig { ClassNamesFile = new() { Path = "broken.json" } },
            "template-without-c" => new EvaluationConfig { TemplatesFile = new() { Path = "t.txt" } },
            "templates-twice" => new EvaluationConfig { Templates = ["{c}"], TemplatesFile = new() { Path = "t.txt" } },
            _ => throw new ArgumentOutOfRangeException(nameof(fault)),
        };

        var (prompts, errors) = Resolve(e);

        Assert.Null(prompts);
        var error = Assert.Single(errors);
        Assert.Equal(field, error.Field);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
