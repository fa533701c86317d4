using HosVessel.Web;

namespace HosVessel.AppHost.Publishing;

/// <summary>
/// Evaluates the web resource's environment callbacks in publish mode and maps them to what the
/// container needs. Secrets and host-specific values are not here: they come from <c>.env</c>.
/// </summary>
public static class ContainerEnvironment
{
    public static async Task<IReadOnlyList<KeyValuePair<string, string>>> ResolveAsync(
        ProjectResource project, DistributedApplicationExecutionContext executionContext, int containerPort,
        CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, object>();
        var context = new EnvironmentCallbackContext(executionContext, project, values, cancellationToken);
        foreach (var callback in project.Annotations.OfType<EnvironmentCallbackAnnotation>())
        {
            await callback.Callback(context);
        }

        var environment = new List<KeyValuePair<string, string>>();
        foreach (var (name, value) in values)
        {
            switch (name)
            {
                // The app's Kestrel and its healthcheck command both read the ASPNETCORE_ spelling.
                case "HTTP_PORTS":
                    environment.Add(new(DeploymentContract.HttpPortsVariable, containerPort.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                    break;
                // Aspire's switch trusts forwarded headers from ANY sender; the app trusts only FORWARDED_TRUSTED_NETWORKS.
                case "ASPNETCORE_FORWARDEDHEADERS_ENABLED":
                    environment.Add(new(name, "false"));
                    break;
                default:
                    environment.Add(new(name, await ResolveValueAsync(name, value, cancellationToken)));
                    break;
            }
        }
        environment.Add(new("OTEL_SERVICE_NAME", project.Name));
        environment.Add(new("TZ", DeploymentModel.TimeZone));
        environment.Add(new(DeploymentContract.BackupDirectoryVariable, DeploymentModel.BackupFolder));
        return environment;
    }

    private static async Task<string> ResolveValueAsync(string name, object value, CancellationToken cancellationToken) =>
        value switch
        {
            string text => text,
            ConnectionStringReference reference =>
                await reference.Resource.ConnectionStringExpression.GetValueAsync(cancellationToken) ?? "",
            IValueProvider provider => await provider.GetValueAsync(cancellationToken) ?? "",
            _ => throw new InvalidOperationException($"The web environment variable {name} has a value of type {value.GetType().Name}, which the compose writer does not know."),
        };
}
