using Microsoft.Extensions.Options;

namespace ClipHost.Host.Options;

/// <summary>Rules across fields of <see cref="DataOptions"/>.</summary>
public sealed class DataOptionsRules : IValidateOptions<DataOptions>
{
    public ValidateOptionsResult Validate(string? name, DataOptions options) =>
        options.ValFraction + options.TestFraction >= 1
            ? ValidateOptionsResult.Fail("Data.ValFraction + Data.TestFraction must be below 1")
            : ValidateOptionsResult.Success;
}
