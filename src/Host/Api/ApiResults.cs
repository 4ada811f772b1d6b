namespace ClipHost.Host.Api;

/// <summary>How the API answers: records as the run store writes them, refusals as a list of field errors.</summary>
internal static class ApiResults
{
    public static IResult Json(object value, int status = StatusCodes.Status200OK) => Results.Json(value, RunStore.SerializerOptions, statusCode: status);

    public static IResult Refused(OptionsValidationFailedException e, int status = StatusCodes.Status400BadRequest) =>
        Results.Json(new { errors = e.Errors.Select(x => new { field = x.Field, message = x.Message }) }, RunStore.SerializerOptions, statusCode: status);

    /// <summary>Runs a command's validators, as the pipeline would, before its job is queued; null when it is valid.</summary>
    public static IResult? Validate<TCommand>(IEnumerable<Commands.ICommandValidator<TCommand>> validators, TCommand command)
    {
        var errors = validators.SelectMany(v => v.Validate(command)).ToList();
        return errors.Count > 0 ? Refused(new OptionsValidationFailedException(errors)) : null;
    }

    /// <summary>503: a dependency (the job storage) is down; nothing was done and the request may be retried.</summary>
    public static IResult Unavailable(string error) => Results.Json(new { error }, RunStore.SerializerOptions, statusCode: StatusCodes.Status503ServiceUnavailable);

    /// <summary>The answer to a command's refusal: 400 with its field errors, 409 for a run-name conflict or a run another process trains, 503 when the queue is down; null for anything else.</summary>
    public static IResult? Refusal(Exception e) => e switch
    {
        OptionsValidationFailedException refused => Refused(refused),
        RunConflictException conflict => Refused(new OptionsValidationFailedException([conflict.Error]), StatusCodes.Status409Conflict),
        RunBusyException busy => Refused(new OptionsValidationFailedException([new OptionError("name", busy.Message)]), StatusCodes.Status409Conflict),
        Jobs.StorageUnavailableException down => Unavailable(down.Message),
        _ => null,
    };

    public static IResult NotFound(string what) => Results.Json(new { error = $"{what} not found" }, RunStore.SerializerOptions, statusCode: StatusCodes.Status404NotFound);
}
