/** `{agencies{...F<n-1>}}`, each fragment spreading the one before it twice: 2^n paths in n fragments. */
export function fragmentChain(n: number): string {
  const fragments = ['fragment F0 on Agency { id }'];
  for (let i = 1; i < n; i++) fragments.push(`fragment F${i} on Agency { ...F${i - 1} ...F${i - 1} }`);
  return `{ agencies { ...F${n - 1} } } ${fragments.join(' ')}`;
}
