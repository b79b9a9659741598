/** Decorative stroke icons of the CRM settings sections, drawn like those of shared/ui. */
import { Icon, type IconProps } from '../../shared/ui/icons.tsx';

const SectionIcon = ({ size = 18, ...props }: IconProps & { children: React.ReactNode }) => (
  <Icon size={size} {...props} />
);

export const TagIcon = (props: IconProps) => (
  <SectionIcon {...props}>
    <path d="M3 12V4a1 1 0 0 1 1-1h8l9 9-9 9z" />
    <circle cx="8" cy="8" r="1.5" />
  </SectionIcon>
);

export const ListIcon = (props: IconProps) => (
  <SectionIcon {...props}>
    <path d="M9 6h11M9 12h11M9 18h11M4 6h.01M4 12h.01M4 18h.01" />
  </SectionIcon>
);

export const FunnelIcon = (props: IconProps) => (
  <SectionIcon {...props}>
    <path d="M3 4h18l-7 8v6l-4 2v-8z" />
  </SectionIcon>
);
