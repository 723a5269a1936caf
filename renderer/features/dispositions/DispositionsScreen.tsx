import { PlaceholderScreen } from '../../components/PlaceholderScreen';

export function DispositionsScreen() {
  return (
    <PlaceholderScreen
      title="Dispositions"
      issue={5}
      summary="Import disposition CSV files prepared offline: map columns, fix invalid rows, dry run, apply with progress."
    />
  );
}
