using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Appliance.HeadOffice.Database;

/// <summary>
/// Healthy while PostgreSQL answers: a head office that cannot store batches should be taken out of a load balancer's
/// rotation (grpc.health.v1 NOT_SERVING), not keep answering every push with UNAVAILABLE.
/// </summary>
public sealed class DatabaseHealthCheck(NpgsqlDataSource dataSource) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var command = dataSource.CreateCommand("SELECT 1;");
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (NpgsqlException error)
        {
            return HealthCheckResult.Unhealthy("PostgreSQL does not answer.", error);
        }
    }
}
