// The colour of a risk: GREEN Low, AMBER Elevated/High, RED Critical.
export function riskClass(risk: string | undefined): string {
  if (risk === 'Critical') return 'risk-red';
  if (risk === 'High' || risk === 'Elevated') return 'risk-amber';
  return 'risk-green';
}
