using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using ClipHost.Abstractions.Options;

namespace ClipHost.Abstractions.Tests;

public sealed class ComponentOptionsTests
{
    public sealed class PatchOptions : IValidatableObject
    {
        [Range(1, 64)]
        public int PatchSize { get; set; } = 8;

        [Range(1, 4096)]
        public int Width { get; set; } = 192;

        [Range(1, 64)]
        public int Heads { get; set; } = 3;

        public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
        {
            if (Width % Heads != 0)
            {
                yield return new ValidationResult("must be divisible by heads", [nameof(Width)]);
            }
        }
    }

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement;

    [Fact]
    public void Bind_NullOptions_GivesDefaultsWithoutErrors()
    {
        var (options, errors) = ComponentOptions.Bind<PatchOptions>(null, "model.image.options");
        Assert.Empty(errors);
        Assert.Equal(8, options!.PatchSize);
    }

    [Fact]
    public void Bind_ValidJson_BindsCaseInsensitively()
    {
        var (options, errors) = ComponentOptions.Bind<PatchOptions>(Json("""{"patchSize": 16, "Width": 384, "heads": 6}"""), "x");
        Assert.Empty(errors);
        Assert.Equal((16, 384, 6), (options!.PatchSize, options.Width, options.Heads));
    }

    [Fact]
    public void Bind_OutOfRange_NamesTheFieldByItsConfigPath()
    {
        var (_, errors) = ComponentOptions.Bind<PatchOptions>(Json("""{"patchSize": 0}"""), "model.image.options");
        var error = Assert.Single(errors);
        Assert.Equal("model.image.options.patchSize", error.Field);
    }

    [Fact]
    public void Bind_UnknownField_IsAnErrorNotASilentDefault()
    {
        var (_, errors) = ComponentOptions.Bind<PatchOptions>(Json("""{"patchSzie": 16}"""), "model.image.options");
        var error = Assert.Single(errors);
        Assert.StartsWith("model.image.options", error.Field, StringComparison.Ordinal);
        Assert.Contains("patchSzie", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_WrongType_NamesTheField()
    {
        var (_, errors) = ComponentOptions.Bind<PatchOptions>(Json("""{"width": "wide"}"""), "m");
        Assert.Equal("m.width", Assert.Single(errors).Field);
    }

    [Fact]
    public void Bind_CrossFieldRule_RunsAfterRanges()
    {
        var (_, errors) = ComponentOptions.Bind<PatchOptions>(Json("""{"width": 100, "heads": 3}"""), "m");
        Assert.Equal("m.width", Assert.Single(errors).Field);
    }

    [Fact]
    public void Bind_NotAnObject_IsRefused()
    {
        var (options, errors) = ComponentOptions.Bind<PatchOptions>(Json("[1,2]"), "m");
        Assert.Null(options);
        Assert.Equal("m", Assert.Single(errors).Field);
    }
}
