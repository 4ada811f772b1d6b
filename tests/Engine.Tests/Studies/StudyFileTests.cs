using System.Text.Json.Nodes;
using ClipHost.Engine.Studies;

namespace ClipHost.Engine.Tests.Studies;

/// <summary>Study files: axes crossed or zipped into named cells, several paths per value, and field-named refusals.</summary>
public sealed class StudyFileTests
{
    private const string Base = """
        { "name": "ignored", "data": { "store": "pool", "filters": [ { "id": "clip-score", "options": { "topPercent": 40 } } ] },
          "model": { "vision": { "architecture": "vit", "options": { "preset": "mini" } } }, "training": { "seed": 0, "budget": { "epochs": 1 } } }
        """;

    private static string Study(string axes, string combine = "cross") => $$"""{ "name": "towers", "base": {{Base}}, "combine": "{{combine}}", "axes": {{axes}} }""";

    private const string Towers = """
        { "name": "tower", "values": [
            { "label": "vit", "set": { "model.vision.architecture": "vit", "model.vision.options": { "preset": "mini" } } },
            { "label": "resnet", "set": { "model.vision.architecture": "resnet", "model.vision.options": { "preset": "mini" } } } ] }
        """;

    [Fact]
    public void Cross_MakesEveryCombination_NamedAfterAxesAndLabels_WithEveryPathSet()
    {
        var cells = Expand(Study($$"""[ {{Towers}}, { "path": "training.budget", "values": [ { "gflops": 20 }, { "gflops": 40 } ] }, { "path": "training.seed", "values": [0, 1] } ]"""));

        Assert.Equal(8, cells.Count);
        Assert.Equal("tower-vit-budget-gflops-20-seed-0", cells[0].Cell);
        Assert.Equal("towers-tower-resnet-budget-gflops-40-seed-1", cells[^1].RunId);
        var last = JsonNode.Parse(cells[^1].ExperimentJson)!;
        Assert.Equal("towers-tower-resnet-budget-gflops-40-seed-1", last["name"]!.GetValue<string>());
        Assert.Equal("resnet", last["model"]!["vision"]!["architecture"]!.GetValue<string>());
        Assert.Equal(40, last["training"]!["budget"]!["gflops"]!.GetValue<int>());
        Assert.Null(last["training"]!["budget"]!["epochs"]);
        Assert.Equal(1, last["training"]!["seed"]!.GetValue<int>());
        Assert.Equal(new Dictionary<string, string> { ["tower"] = "resnet", ["training.budget"] = "gflops-40", ["training.seed"] = "1" }, cells[^1].Values);
    }

    [Fact]
    public void ADuplicatedField_AnywhereInTheStudy_IsRefusedAsInvalidJson_NotACrash()
    {
        foreach (var json in new[]
        {
            """{ "name": "a", "name": "b", "base": {}, "axes": [ { "path": "training.seed", "values": [0] } ] }""",
            """{ "name": "a", "base": { "training": { "seed": 1, "seed": 2 } }, "axes": [ { "path": "training.seed", "values": [0] } ] }""",
        })
        {
            var (study, errors) = StudyFile.Parse(json, null, null);
            Assert.Null(study);
            Assert.Equal("study", Assert.Single(errors).Field);
        }
    }

    [Fact]
    public void Zip_TakesTheNthValueOfEveryAxisTogether()
    {
        var cells = Expand(Study("""[ { "path": "data.filters[0].options.topPercent", "values": [20, 60] }, { "path": "training.seed", "values": [3, 4], "name": "s" } ]""", "zip"));

        Assert.Equal(["topPercent-20-s-3", "topPercent-60-s-4"], cells.Select(c => c.Cell));
        Assert.Equal(60, JsonNode.Parse(cells[1].ExperimentJson)!["data"]!["filters"]![0]!["options"]!["topPercent"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("""[ { "path": "training.seed", "values": [] } ]""", "cross", "axes[0] (seed).values", "at least one value")]
    [InlineData("""[ ]""", "cross", "axes", "required")]
    [InlineData("""[ { "path": "training.seed", "values": [0, 1] }, { "path": "training.batchSize", "values": [8] } ]""", "zip", "axes", "as many values")]
    [InlineData("""[ { "values": [1] } ]""", "cross", "axes[0].name", "required when the axis has no path")]
    [InlineData("""[ { "name": "tower", "values": [ "vit" ] } ]""", "cross", "axes[0] (tower).values[0]", "\"set\"")]
    [InlineData("""[ { "path": "training.seed", "values": ["a b", "a_b"] } ]""", "cross", "axes[0] (seed).values", "two values have the label 'a_b'")]
    [InlineData("""[ { "path": "training.seed", "values": [0], "labels": ["../x"] } ]""", "cross", "axes[0] (seed).labels", "'../x'")]
    [InlineData("""[ { "path": "training.seed", "value": [0] } ]""", "cross", "axes[0].value", "not an axis field")]
    [InlineData("""[ { "path": "training.seed", "values": [0] } ]""", "both", "combine", "\"cross\"")]
    public void BadAxes_AreRefused_NamingTheAxisField(string axes, string combine, string field, string message)
    {
        var (study, errors) = StudyFile.Parse(Study(axes, combine), null, null);

        Assert.Null(study);
        Assert.Contains(errors, e => e.Field == field && e.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void APathThatCannotBeSet_NamesTheCellAndTheAxis()
    {
        var (study, _) = StudyFile.Parse(Study("""[ { "path": "data.filters[3].options.topPercent", "values": [20] } ]"""), null, null);
        var (_, errors) = StudyExpansion.Expand(study!);

        var error = Assert.Single(errors);
        Assert.Equal("topPercent-20: axes[0] (topPercent)", error.Field);
        Assert.Contains("no element [3]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ABaseFile_IsReadRelativeToTheStudy_AndMustStayInsideTheRoot()
    {
        using var dir = new TempDir();
        dir.Write("experiments/base.json", Base);
        var study = dir.Write("experiments/studies/s.json", """{ "name": "s", "base": "../base.json", "axes": [ { "path": "training.seed", "values": [0] } ] }""");
        var (loaded, errors) = StudyFile.Load(study);
        Assert.Empty(errors);
        Assert.Equal("pool", loaded!.Base["data"]!["store"]!.GetValue<string>());

        dir.Write("secret.json", Base);
        var escape = dir.Write("experiments/studies/e.json", """{ "name": "e", "base": "../../secret.json", "axes": [ { "path": "training.seed", "values": [0] } ] }""");
        var (refused, why) = StudyFile.Load(escape);
        Assert.Null(refused);
        Assert.Contains(why, e => e.Field == "base" && e.Message.Contains("lies outside", StringComparison.Ordinal));

        var (inline, noFolder) = StudyFile.Parse("""{ "name": "s", "base": "../base.json", "axes": [ { "path": "training.seed", "values": [0] } ] }""", null, null);
        Assert.Null(inline);
        Assert.Contains(noFolder, e => e.Field == "base" && e.Message.Contains("inline", StringComparison.Ordinal));
    }

    [Fact]
    public void ACellWhoseRunNameWouldBeTooLong_IsRefusedNamingTheCell()
    {
        var (study, _) = StudyFile.Parse(Study($$"""[ { "path": "training.seed", "values": [0], "labels": ["{{new string('x', 40)}}"] }, { "path": "training.batchSize", "values": [8], "labels": ["{{new string('y', 40)}}"] }, { "path": "training.learningRate", "values": [1], "labels": ["{{new string('z', 40)}}"] } ]"""), null, null);
        var (_, errors) = StudyExpansion.Expand(study!);

        Assert.Contains(errors, e => e.Field.EndsWith(": name", StringComparison.Ordinal) && e.Message.Contains("<study>-<cell>", StringComparison.Ordinal));
    }

    [Fact]
    public void EveryShippedStudy_ParsesAndExpandsIntoExperimentsThatParse()
    {
        var files = Directory.GetFiles(Path.Combine(TestSupport.Importer.RepositoryRoot(), "experiments", "studies"), "*.json");
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var (study, errors) = StudyFile.Load(file);
            Assert.True(study is not null, $"{file}: {string.Join("; ", errors)}");
            var (cells, expansion) = StudyExpansion.Expand(study);
            Assert.Empty(expansion);
            Assert.Equal(study.CellCount, cells.Count);
            Assert.All(cells, c => Assert.True(ClipHost.Engine.Experiments.ExperimentJson.Parse(c.ExperimentJson, "config", c.Cell).Config is not null, $"{file}: {c.Cell}"));
        }
    }

    private static IReadOnlyList<StudyCell> Expand(string json)
    {
        var (study, errors) = StudyFile.Parse(json, null, null);
        Assert.True(study is not null, string.Join("; ", errors));
        var (cells, expansion) = StudyExpansion.Expand(study);
        Assert.Empty(expansion);
        return cells;
    }
}
