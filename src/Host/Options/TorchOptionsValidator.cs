using Microsoft.Extensions.Options;

namespace ClipHost.Host.Options;

/// <summary>Source-generated DataAnnotations validation of <see cref="TorchOptions"/>.</summary>
[OptionsValidator]
public sealed partial class TorchOptionsValidator : IValidateOptions<TorchOptions>
{
}
