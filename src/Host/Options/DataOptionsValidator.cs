using Microsoft.Extensions.Options;

namespace ClipHost.Host.Options;

/// <summary>Source-generated DataAnnotations validation, plus the cross-field rule.</summary>
[OptionsValidator]
public sealed partial class DataOptionsValidator : IValidateOptions<DataOptions>
{
}
