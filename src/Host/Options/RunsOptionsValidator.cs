using Microsoft.Extensions.Options;

namespace ClipHost.Host.Options;

/// <summary>Source-generated DataAnnotations validation of <see cref="RunsOptions"/>.</summary>
[OptionsValidator]
public sealed partial class RunsOptionsValidator : IValidateOptions<RunsOptions>
{
}
